/**
 * Types for the two modules of flechette's source that src/results/arrow-stream.ts imports (the
 * package publishes types only for its public entry point). They describe flechette 2.6.0, the
 * version package.json pins.
 */
declare module '@uwdata/flechette/src/encode/builder.js' {
  /** Where the builder writes its bytes. */
  export interface BuilderSink {
    write(bytes: Uint8Array): void;
    pad(byteCount: number): void;
  }
  /** flechette's flatbuffer builder, which writes to a sink. */
  export class Builder {
    constructor(sink: BuilderSink);
  }
}

declare module '@uwdata/flechette/src/encode/footer.js' {
  import type { Schema } from '@uwdata/flechette';
  import type { Builder } from '@uwdata/flechette/src/encode/builder.js';
  /** Where a message sits in the file: its first byte, its prefix + metadata length, its body length. */
  export interface Block {
    offset: number;
    metadataLength: number;
    bodyLength: number;
  }
  /** Writes the end-of-stream marker, the file footer, its length and the closing magic to the builder's sink. */
  export function writeFooter(builder: Builder, schema: Schema, dictBlocks: Block[], recordBlocks: Block[], metadata: Map<string, string> | null | undefined): void;
}
