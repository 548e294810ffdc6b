/**
 * Progress for long work: a bar with ETA on a terminal, shown once work has taken longer than a
 * couple of seconds; nothing when output is not a terminal (CI logs, pipes).
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function progress(label: string, opts: { delayMs?: number; stream?: NodeJS.WriteStream } = {}): Progress {
  const stream = opts.stream ?? process.stderr;
  const delay = opts.delayMs ?? 1500;
  const t0 = Date.now();
  let bar: cliProgress.SingleBar | null = null;
  const enabled = Boolean(stream.isTTY) && !process.env.SCORELAB_NO_PROGRESS;
  return {
    update(done, total) {
      if (!enabled) return;
      if (!bar) {
        if (Date.now() - t0 < delay || done >= total) return;
        bar = new cliProgress.SingleBar(
          {
            stream,
            hideCursor: true,
            etaBuffer: 50,
            format: (opts, params) => {
              const bar = cliProgress.Format.BarFormat(params.progress, opts);
              const eta = params.eta;
              const etaText = params.value > 0 && Number.isFinite(eta) && eta > 0 ? cliProgress.Format.TimeFormat(eta, opts, 1) : '--';
              return `${label} [${bar}] ${Math.floor(params.progress * 100)}% | ${params.value}/${params.total} | ETA ${etaText}`;
            },
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
