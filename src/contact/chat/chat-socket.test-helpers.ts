import WebSocket from 'ws';

/** A frame as the server sends it (loosely typed for assertions). */
// biome-ignore lint/suspicious/noExplicitAny: test frames are inspected field by field.
export type Frame = Record<string, any>;

/**
 * A real `ws` client for the chat sockets that records every frame and lets a test wait for the
 * next frame matching a predicate. Test-only (imported by the socket tests and benchmarks).
 */
export class SocketClient {
  readonly frames: Frame[] = [];
  /** Frames not yet taken by {@link next}, in arrival order. */
  private pending: Frame[] = [];
  private waiters: Array<() => void> = [];
  closeCode: number | undefined;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const frame = JSON.parse(data.toString()) as Frame;
      this.frames.push(frame);
      this.pending.push(frame);
      this.wake();
    });
    ws.on('close', (code) => {
      this.closeCode = code;
      this.wake();
    });
    ws.on('error', () => {});
  }

  /** Opens a socket; rejects with `Error('HTTP <status>')` when the upgrade is refused. */
  static connect(url: string, headers: Record<string, string>): Promise<SocketClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      const client = new SocketClient(ws);
      ws.once('open', () => resolve(client));
      ws.once('unexpected-response', (_request, response) => {
        reject(new Error(`HTTP ${response.statusCode}`));
        response.resume();
        ws.terminate();
      });
      ws.once('error', reject);
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Takes the first frame not yet taken that matches (waiting for it); fails after `timeoutMs`. */
  async next(match: (frame: Frame) => boolean = () => true, timeoutMs = 3000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.pending.findIndex(match);
      if (index >= 0) return this.pending.splice(index, 1)[0] as Frame;
      if (this.closeCode !== undefined)
        throw new Error(`socket closed (${this.closeCode}) before a matching frame`);
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Frames of `type` received so far. */
  all(type: string): Frame[] {
    return this.frames.filter((f) => f.type === type);
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Resolves once the socket is closed (by either side). */
  closed(timeoutMs = 3000): Promise<number> {
    if (this.closeCode !== undefined) return Promise.resolve(this.closeCode);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('socket not closed')), timeoutMs);
      this.ws.once('close', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  close(): Promise<number> {
    this.ws.close();
    return this.closed();
  }
}
