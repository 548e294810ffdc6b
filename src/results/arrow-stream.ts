/**
 * Arrow IPC files written one record batch at a time, so a table of millions of rows is never
 * held whole: `arrowFileChunks` takes the table's batches (flechette tables of a few thousand rows
 * each, made lazily by the caller) and yields the bytes of the file in order, each batch's bytes
 * made only when the previous ones have been consumed (written to disk).
 *
 * The layout is the Arrow IPC file format (https://arrow.apache.org/docs/format/Columnar.html#ipc-file-format):
 *
 *   "ARROW1" + 2 bytes of padding
 *   the schema message
 *   one record batch message per batch
 *   the end-of-stream marker
 *   the footer (the schema again and each record batch's offset and lengths), its length, "ARROW1"
 *
 * Every message is encoded by flechette, the library arquero writes Arrow with: each batch goes
 * through flechette's public `tableToIPC` as an IPC stream (schema message, the batch's message,
 * end-of-stream marker), and its messages are cut out of that stream by their length prefixes (the
 * framing the Arrow format defines). flechette has no public encoder for the footer alone, so the
 * footer is written by its own `writeFooter`, imported from its source (the version is pinned in
 * package.json); a file of one batch is therefore the same bytes as `tableToIPC(table, 'file')`.
 */
import { tableToIPC, Type, type Schema as ArrowSchema, type Table as ArrowTable } from '@uwdata/flechette';
import { Builder } from '@uwdata/flechette/src/encode/builder.js';
import { writeFooter, type Block } from '@uwdata/flechette/src/encode/footer.js';

/** "ARROW1" and the padding to 8 bytes that opens an Arrow IPC file. */
const FILE_HEAD = Uint8Array.of(65, 82, 82, 79, 87, 49, 0, 0);
/** The end-of-stream marker: the continuation token and a metadata length of 0. */
const EOS = Uint8Array.of(255, 255, 255, 255, 0, 0, 0, 0);

/** The length in bytes of the encapsulated message at `at` without its body: 8-byte prefix and metadata. */
function metadataLength(bytes: Uint8Array, at: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (at + 8 > bytes.length || view.getInt32(at, true) !== -1) throw new Error(`arrow-stream: no IPC message at byte ${at} of a batch's stream`);
  return 8 + view.getInt32(at + 4, true);
}

/** True when the last 8 bytes are the end-of-stream marker. */
function endsWithEos(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  for (let i = 0; i < 8; i++) if (bytes[bytes.length - 8 + i] !== EOS[i]) return false;
  return true;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The bytes of an Arrow IPC file holding `batches` in order (each a flechette table of at most one
 * record batch, all with the same schema; at least one, as the schema comes from the first). The
 * pieces are views of one batch's encoding at a time: write each before asking for the next.
 */
export function* arrowFileChunks(batches: Iterable<ArrowTable>): Generator<Uint8Array> {
  yield FILE_HEAD;
  let offset = FILE_HEAD.length;
  let schema: ArrowSchema | null = null;
  let schemaMessage: Uint8Array | null = null;
  const blocks: Block[] = [];
  for (const t of batches) {
    const count = t.children[0]?.data.length ?? 0;
    if (count > 1) throw new Error(`arrow-stream: a batch must be one record batch, found ${count}`);
    // a dictionary column would put dictionary messages between the schema and the batch
    if (t.schema.fields.some((f) => f.type.typeId === Type.Dictionary)) throw new Error('arrow-stream: dictionary columns are not supported');
    const bytes = tableToIPC(t, { format: 'stream' })!;
    const s = metadataLength(bytes, 0); // the schema message has no body
    if (!endsWithEos(bytes)) throw new Error('arrow-stream: a batch stream does not end with the end-of-stream marker');
    if (schemaMessage === null) {
      schema = t.schema;
      schemaMessage = bytes.slice(0, s);
      yield schemaMessage;
      offset += s;
    } else if (!sameBytes(bytes.subarray(0, s), schemaMessage)) {
      throw new Error('arrow-stream: every batch must have the schema of the first');
    }
    if (count === 0) continue;
    const end = bytes.length - EOS.length;
    const meta = metadataLength(bytes, s);
    // the stream holds nothing but the schema, this batch and the marker, so the body is the rest
    blocks.push({ offset, metadataLength: meta, bodyLength: end - s - meta });
    yield bytes.subarray(s, end);
    offset += end - s;
  }
  if (schema === null) throw new Error('arrow-stream: a file needs at least one batch (it gives the schema)');
  yield EOS;
  const footer: Uint8Array[] = [];
  const sink = {
    write(b: Uint8Array) {
      footer.push(b.slice());
    },
    pad(n: number) {
      footer.push(new Uint8Array(n));
    },
  };
  writeFooter(new Builder(sink), schema, [], blocks, undefined);
  yield* footer;
}

/** The chunks joined into one byte array (for callers that want the whole file in memory). */
export function concatBytes(chunks: Iterable<Uint8Array>): Uint8Array {
  const parts = [...chunks];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
