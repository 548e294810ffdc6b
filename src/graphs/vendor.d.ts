/**
 * Types for the parser factories of graphology-gexf and graphology-graphml, which io.ts calls
 * with @xmldom/xmldom's strict DOMParser instead of the lenient copy bundled in their node entry
 * points (that copy only logs malformed XML). The factories are plain CommonJS functions.
 */
declare module 'graphology-gexf/common/parser.js' {
  import type { AbstractGraph } from 'graphology-types';
  type Parse = (Graph: unknown, source: unknown, options?: Record<string, boolean>) => AbstractGraph;
  const createParserFunction: (DOMParser: unknown, Document: unknown) => Parse;
  export default createParserFunction;
}

declare module 'graphology-graphml/common/parser.js' {
  import type { AbstractGraph } from 'graphology-types';
  type Parse = (Graph: unknown, source: unknown, options?: Record<string, boolean>) => AbstractGraph;
  const createParserFunction: (DOMParser: unknown, Document: unknown) => Parse;
  export default createParserFunction;
}
