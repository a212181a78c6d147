/**
 * A one-line progress bar on a terminal (stderr), redrawn at most ten times a second. Off when
 * stderr is not a terminal (CI, pipes, tests), so logs stay free of carriage returns.
 */
export interface Progress {
  /** Starts a phase, e.g. « reading services ». */
  phase(label: string): void;
  /** `done` out of `total` (e.g. bytes of a file), and the records handled so far. */
  update(done: number, total: number, records: number): void;
  done(): void;
}

export const silentProgress: Progress = { phase() {}, update() {}, done() {} };

const WIDTH = 28;

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return silentProgress;
  let label = "";
  let total = 1;
  let started = 0;
  let drawnAt = 0;
  const draw = (done: number, records: number) => {
    const share = Math.min(1, total > 0 ? done / total : 1);
    const filled = Math.round(share * WIDTH);
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(records / seconds) : 0;
    stream.write(`\r${label.padEnd(20)} [${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)} %  ${records.toLocaleString("en")} records  ${rate.toLocaleString("en")}/s\x1b[K`);
  };
  let last = { done: 0, records: 0 };
  return {
    phase(nextLabel) {
      if (label) stream.write("\n");
      label = nextLabel;
      total = 1;
      started = Date.now();
      drawnAt = 0;
      last = { done: 0, records: 0 };
      draw(0, 0);
    },
    update(done, nextTotal, records) {
      last = { done, records };
      total = nextTotal;
      const now = Date.now();
      if (now - drawnAt < 100) return;
      drawnAt = now;
      draw(done, records);
    },
    done() {
      if (!label) return;
      draw(Math.max(last.done, total), last.records);
      stream.write("\n");
      label = "";
    },
  };
}
