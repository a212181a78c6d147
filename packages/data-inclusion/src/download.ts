import { createWriteStream } from "node:fs";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

/**
 * Fetches a data·inclusion file to disk for an import run from the graph: only from allowed
 * origins (every redirect checked again, so an allowed host cannot bounce the hub to an internal
 * address), streamed with a size cap and a time limit. Errors are `DownloadError`s that say what
 * to fix.
 */
export class DownloadError extends Error {
  override name = "DownloadError";
}

export interface DownloadPolicy {
  /** Origins (`https://host[:port]`) files may come from; "any" in local development. */
  allowedOrigins: readonly string[] | "any";
  maxBytes: number;
  timeoutMs: number;
}

const MAX_REDIRECTS = 5;

export function checkFileUrl(raw: string, policy: DownloadPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DownloadError(`${JSON.stringify(raw)} is not a URL.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new DownloadError(`${url.protocol} URLs are not fetched: give an https:// URL.`);
  if (url.username || url.password) throw new DownloadError("URLs with credentials are not fetched.");
  if (policy.allowedOrigins !== "any" && !policy.allowedOrigins.includes(url.origin)) {
    throw new DownloadError(
      `${url.origin} is not an allowed origin for import files (CTG_IMPORT_ALLOWED_ORIGINS: ${policy.allowedOrigins.join(", ") || "none"}).`,
    );
  }
  return url;
}

export async function downloadToFile(raw: string, file: string, policy: DownloadPolicy): Promise<{ bytes: number; url: string }> {
  let url = checkFileUrl(raw, policy);
  const signal = AbortSignal.timeout(policy.timeoutMs);
  let response: Response | undefined;
  for (let hop = 0; ; hop++) {
    try {
      response = await fetch(url, { redirect: "manual", signal, headers: { accept: "application/json" } });
    } catch (error) {
      const reason = (error as Error).name === "TimeoutError" ? `no answer within ${policy.timeoutMs / 1000} s` : (error as Error).message;
      throw new DownloadError(`${url.href} could not be fetched (${reason}).`);
    }
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      if (hop >= MAX_REDIRECTS) throw new DownloadError(`${raw} redirects more than ${MAX_REDIRECTS} times.`);
      url = checkFileUrl(new URL(location, url).href, policy);
      continue;
    }
    break;
  }
  if (!response.ok || !response.body) throw new DownloadError(`${url.href} answered HTTP ${response.status}.`);
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (declared > policy.maxBytes) throw new DownloadError(`${url.href} is ${declared} bytes, over the limit of ${policy.maxBytes} (CTG_IMPORT_MAX_BYTES).`);
  let bytes = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > policy.maxBytes) done(new DownloadError(`${url.href} is over the limit of ${policy.maxBytes} bytes (CTG_IMPORT_MAX_BYTES).`));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), cap, createWriteStream(file));
  } catch (error) {
    if (error instanceof DownloadError) throw error;
    throw new DownloadError(`${url.href} could not be read to the end (${(error as Error).message}).`);
  }
  return { bytes, url: url.href };
}
