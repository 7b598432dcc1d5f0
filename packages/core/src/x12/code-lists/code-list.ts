/** A code list as data: its name, the version of the list it copies, and each code with its label. */
export interface CodeList {
  name: string;
  version: string;
  codes: Readonly<Record<string, string>>;
}
