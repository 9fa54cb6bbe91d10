/** Where streamed lines go: an express Response, or any writable stream. */
export type LineSink = {
  readonly destroyed: boolean;
  write(chunk: string): boolean;
  end(chunk?: string): unknown;
  destroy(err?: Error): unknown;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  off(event: 'drain' | 'close', listener: () => void): unknown;
};

/**
 * The one streaming helper of the downloads (TPS open data, moderation log): writes `first`, each line,
 * then `last`, waiting for the socket to drain when its buffer is full, so a download of the whole
 * country holds one chunk in memory however slow the client. A client that goes away stops the loop,
 * which closes `lines` and so the reads behind it. A failure after the first byte cannot become an error
 * envelope any more, so the connection is cut (the client sees a truncated download, not a body that
 * looks complete) and the error is thrown on, for the error handler to log.
 */
export async function streamLines(
  res: LineSink,
  first: string,
  lines: AsyncIterable<string>,
  last: string,
): Promise<void> {
  res.write(first);
  try {
    for await (const line of lines) {
      if (res.destroyed) return;
      if (!res.write(line)) await drained(res);
    }
    res.end(last);
  } catch (err) {
    res.destroy(err as Error);
    throw err;
  }
}

/** Waits until the client takes more or went away; both listeners are removed, so long downloads do not pile them up. */
function drained(res: LineSink): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
