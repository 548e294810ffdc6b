/**
 * The piscina worker of a sweep (compiled to dist/experiment/worker.js). It imports the experiment
 * file itself, once per thread, to get the experiment's custom plug-ins and summary function —
 * functions cannot be sent between threads — and checks that the file still has the definition
 * the sweep was planned from. Before running it tells the main thread it has started, so a
 * per-run timeout counts the run and not the loading of the experiment. It writes the run's
 * record itself (atomically, ./store.ts), so the step rows never cross threads and the main
 * thread never waits on a disk flush; it returns only the run's time.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { canonicalJson, sha256 } from './canonical.js';
import { executeRun, type RunTask } from './execute.js';
import { loadExperiment, type LoadedExperiment } from './load.js';
import { definitionParts, settingsOf, type Overrides, type Settings } from './plan.js';
import { writeRecordAsync, type RecordHead } from './store.js';

/** What a worker thread is given: the experiment and the run to execute. */
export interface WorkerTask {
  /** Absolute path of the experiment file. */
  file: string;
  overrides: Overrides;
  /** Definition hash of the plan: a changed file is refused. */
  definition: string;
  run: RunTask;
  /** Results folder, and the head of the record to write there. */
  dir: string;
  head: RecordHead;
  /** Receives 'started' when the run begins. */
  port?: MessagePort;
}

/** Loads the experiment, then waits until every thread of the pool has (see RunPool.warm). */
export interface WarmTask {
  file: string;
  overrides: Overrides;
  /** Int32Array view: [threads arrived, threads in the pool]. */
  barrier: SharedArrayBuffer;
}

const loaded = new Map<string, Promise<{ exp: LoadedExperiment; settings: Settings; definition: string }>>();

function load(file: string, overrides: Overrides) {
  const key = `${file}\u0000${JSON.stringify(overrides)}`;
  let p = loaded.get(key);
  if (!p) {
    p = loadExperiment(file).then((exp) => {
      const settings = settingsOf(exp.def, overrides);
      return { exp, settings, definition: sha256(canonicalJson(definitionParts(exp, settings))) };
    });
    loaded.set(key, p);
  }
  return p;
}

// Start importing the experiment as soon as the thread starts (RunPool passes it as workerData),
// while the main thread is still busy; a failure surfaces on the first task.
const preload = (workerData as { scorelabPreload?: { file: string; overrides: Overrides } } | undefined)?.scorelabPreload;
if (preload) load(preload.file, preload.overrides).catch(() => {});

/** What a worker thread returns for one run. */
export interface WorkerResult {
  seconds: number;
}

export default async function runInWorker(task: WorkerTask | WarmTask): Promise<WorkerResult> {
  if ('barrier' in task) return warm(task);
  try {
    const { exp, settings, definition } = await load(task.file, task.overrides);
    if (definition !== task.definition) {
      throw new Error(`${task.file} changed since the sweep was planned (definition ${definition.slice(0, 12)}, planned ${task.definition.slice(0, 12)})`);
    }
    task.port?.postMessage('started');
    const out = await executeRun(exp, settings, task.run);
    await writeRecordAsync(task.dir, { ...task.head, status: 'ok', columns: out.columns, rows: out.rows, summary: out.summary, seconds: out.seconds });
    return { seconds: out.seconds };
  } finally {
    task.port?.close();
  }
}

async function warm(task: WarmTask): Promise<WorkerResult> {
  await load(task.file, task.overrides);
  const b = new Int32Array(task.barrier);
  Atomics.add(b, 0, 1);
  Atomics.notify(b, 0);
  const deadline = Date.now() + 120_000;
  for (let seen = Atomics.load(b, 0); seen < b[1]! && Date.now() < deadline; seen = Atomics.load(b, 0)) Atomics.wait(b, 0, seen, 100);
  return { seconds: 0 };
}
