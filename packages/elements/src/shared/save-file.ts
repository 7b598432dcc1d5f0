/**
 * Hands a file to the browser's download, from inside an element's shadow root: an object URL on a hidden link,
 * clicked once, released after. Works in any host page, with no global state.
 */
export function saveFile(root: Node & ParentNode, blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  root.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
