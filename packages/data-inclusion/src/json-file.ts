import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { once } from "node:events";
import streamArray from "stream-json/streamers/stream-array.js";

/** A problem with an input file that the person running the command can fix: no stack trace. */
export class InputError extends Error {
  override name = "InputError";
}

export interface FileProgress {
  bytesRead: number;
  totalBytes: number;
}

/** Where a JSON array's content starts: after a UTF-8 byte-order mark and white space. */
async function firstCharacter(file: string): Promise<{ char: string | null; bom: boolean }> {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const bom = bytesRead >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
    const text = buffer.subarray(bom ? 3 : 0, bytesRead).toString("utf8");
    const match = /\S/.exec(text);
    return { char: match ? match[0] : null, bom };
  } finally {
    await handle.close();
  }
}

/**
 * Checks that `file` can be read and holds a JSON array (its first character), without reading it:
 * returns its size and whether it opens with a byte-order mark. Throws an InputError naming the file.
 */
export async function checkJsonArrayFile(file: string, what: string): Promise<{ totalBytes: number; bom: boolean }> {
  let totalBytes: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new InputError(`The ${what} file ${file} is not a file.`);
    totalBytes = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`The ${what} file ${file} does not exist or cannot be read.`);
  }
  const { char, bom } = await firstCharacter(file);
  if (char === null) throw new InputError(`The ${what} file ${file} is empty: it must hold a JSON array of data·inclusion ${what}.`);
  if (char !== "[") {
    const shape = char === "{" ? "a JSON object" : `« ${char} »`;
    throw new InputError(`The ${what} file ${file} must hold a JSON array of data·inclusion ${what}, but it starts with ${shape}.`);
  }
  return { totalBytes, bom };
}

/**
 * The elements of the JSON array in `file`, one at a time: memory holds one element, not the file.
 * Throws an InputError naming the file for a missing file, a file that is not a JSON array, or
 * invalid JSON (with the number of elements read before it).
 */
export async function* readJsonArray(file: string, what: string, onProgress?: (progress: FileProgress) => void): AsyncGenerator<unknown> {
  const { totalBytes, bom } = await checkJsonArrayFile(file, what);
  const start = bom ? 3 : 0;
  const source = createReadStream(file, { start, highWaterMark: 256 * 1024 });
  // Values are assembled whole (no streamed strings): several times faster, one record in memory.
  const elements = streamArray.withParserAsStream({ streamValues: false });
  source.on("error", (error) => elements.destroy(error));
  source.pipe(elements);
  let count = 0;
  try {
    for await (const item of elements as AsyncIterable<{ key: number; value: unknown }>) {
      count++;
      onProgress?.({ bytesRead: start + source.bytesRead, totalBytes });
      yield item.value;
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`The ${what} file ${file} is not valid JSON after its ${count} first element(s): ${reason}.`);
  } finally {
    source.destroy();
    elements.destroy();
  }
  onProgress?.({ bytesRead: totalBytes, totalBytes });
}

/**
 * A deep copy of what a streamed element holds, sharing no memory with the stream. The parser's
 * strings can be slices of its 256 KB read buffers: keeping one short string alive keeps its whole
 * buffer alive, and keeping a few thousand records kept most of a 46 MB file in memory.
 */
export const detach = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Writes a JSON array one element per line, waiting when the disk is slower than the producer. */
export class JsonArrayWriter {
  private readonly out: WriteStream;
  private count = 0;

  constructor(readonly file: string) {
    this.out = createWriteStream(file, { encoding: "utf8" });
  }

  async write(value: unknown): Promise<void> {
    const text = `${this.count++ === 0 ? "[\n" : ",\n"}${JSON.stringify(value)}`;
    if (!this.out.write(text)) await once(this.out, "drain");
  }

  /** Closes the array; returns the number of elements written. */
  async close(): Promise<number> {
    this.out.end(this.count === 0 ? "[]\n" : "\n]\n");
    await once(this.out, "finish");
    return this.count;
  }
}
