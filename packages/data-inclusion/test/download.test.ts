import { readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkFileUrl, downloadToFile, type DownloadPolicy } from "../src/download.ts";

/** The graph import fetches files from URLs: only from allowed origins, redirects included, within a size and a time limit. */

let server: Server;
let origin: string;
const target = path.join(tmpdir(), `ctg-download-test-${process.pid}.json`);

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/ok.json") return res.writeHead(200).end("[1,2,3]");
    if (req.url === "/big.json") return res.writeHead(200).end(`[${"1,".repeat(5_000)}1]`);
    if (req.url === "/away") return res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data" }).end();
    if (req.url === "/hop") return res.writeHead(302, { location: "/ok.json" }).end();
    if (req.url === "/loop") return res.writeHead(302, { location: "/loop" }).end();
    if (req.url === "/slow") return void setTimeout(() => res.writeHead(200).end("[]"), 2_000);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await rm(target, { force: true });
});

const policy = (over: Partial<DownloadPolicy> = {}): DownloadPolicy => ({ allowedOrigins: [origin], maxBytes: 1_000, timeoutMs: 1_000, ...over });

describe("downloadToFile", () => {
  it("fetches an allowed file, following a redirect within the allowed origins", async () => {
    expect(await downloadToFile(`${origin}/hop`, target, policy())).toEqual({ bytes: 7, url: `${origin}/ok.json` });
    expect(await readFile(target, "utf8")).toBe("[1,2,3]");
  });

  it.each([
    ["an origin that is not allowed", () => downloadToFile("https://example.org/services.json", target, policy()), /https:\/\/example.org is not an allowed origin/],
    ["a redirect to an origin that is not allowed", () => downloadToFile(`${origin}/away`, target, policy()), /http:\/\/169.254.169.254 is not an allowed origin/],
    ["too many redirects", () => downloadToFile(`${origin}/loop`, target, policy()), /redirects more than 5 times/],
    ["a file over the size limit", () => downloadToFile(`${origin}/big.json`, target, policy()), /over the limit of 1000 bytes/],
    ["no answer in time", () => downloadToFile(`${origin}/slow`, target, policy({ timeoutMs: 300 })), /no answer within 0.3 s|could not be read to the end/],
    ["a missing file", () => downloadToFile(`${origin}/none.json`, target, policy()), /answered HTTP 404/],
  ])("refuses %s", async (_, attempt, message) => {
    await expect(attempt()).rejects.toThrow(message);
  });

  it("refuses URLs that are not http(s), or carry credentials, whatever the origins", () => {
    const any = policy({ allowedOrigins: "any" });
    expect(() => checkFileUrl("file:///etc/passwd", any)).toThrow(/file: URLs are not fetched/);
    expect(() => checkFileUrl("https://user:pw@example.org/x.json", any)).toThrow(/credentials/);
    expect(checkFileUrl("https://example.org/x.json", any).href).toBe("https://example.org/x.json");
  });
});
