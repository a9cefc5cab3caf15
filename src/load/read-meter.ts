// Counts the bytes of activity files as the loader reads them: a progress line shows the share read and an ETA.
export class ReadMeter {
  bytes = 0;

  /** The chunks of `source`, each counted as it passes. */
  async *metered(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
    for await (const chunk of source) {
      this.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      yield chunk;
    }
  }

  /** A file read whole. */
  add(bytes: number): void {
    this.bytes += bytes;
  }
}

/** `source` counted by `meter`, or as it is without one. */
export function meteredBy(
  meter: ReadMeter | undefined,
  source: AsyncIterable<Uint8Array | string>,
): AsyncIterable<Uint8Array | string> {
  return meter ? meter.metered(source) : source;
}
