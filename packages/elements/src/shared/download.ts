import type { PorticoClient } from '@portico/core';
import type { ReactiveControllerHost } from 'lit';
import { problemText } from './field-problem.ts';

/**
 * A file the server streams, saved by the browser: one download at a time, its busy state and its problem for the
 * host to render next to the button. `fetchFile` asks the client for the streamed `Response`.
 */
export class DownloadController {
  /** True while the file is being fetched. */
  busy = false;
  /** Why the last download failed, in words; null after a success. */
  problem: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly client: () => PorticoClient | undefined,
    private readonly failure: string,
  ) {}

  /** Fetches the file and hands it to the browser's download as `fileName`. */
  async save(fileName: string, fetchFile: (client: PorticoClient) => Promise<Response>): Promise<void> {
    const client = this.client();
    if (!client || this.busy) return;
    this.busy = true;
    this.problem = null;
    this.host.requestUpdate();
    try {
      const response = await fetchFile(client);
      saveFile(this.host.shadowRoot ?? this.host, await response.blob(), fileName);
    } catch (error) {
      this.problem = problemText(error, this.failure);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }
}

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
