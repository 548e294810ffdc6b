import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/graphs/io.js';
import { cli, readCsv, ROOT, tmp } from '../helpers.js';

describe('networks in and out', () => {
  it('exports the final network as GEXF with score, group and list status', () => {
    const out = tmp();
    const r = cli(['run', 'default', '--agents', '200', '--steps', '5', '--gexf', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const g = readGraphFile(join(out, 'network.gexf'));
    expect(g.keys).toHaveLength(200);
    for (const a of ['score', 'group', 'listed', 'wealth']) expect(g.nodeAttributes[a]).toHaveLength(200);
    const agents = readCsv(join(out, 'agents.csv'));
    expect(Number(g.nodeAttributes.score![0])).toBeCloseTo(Number(agents[0]!.score_fico), 6);
  });

  it('runs on a real network from a GraphML file, keeping its node ids and group attribute', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'net.graphml'), `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="g" for="node" attr.name="group" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="ann"><data key="g">a</data></node><node id="bob"><data key="g">b</data></node>
    <node id="cy"><data key="g">a</data></node><node id="dee"><data key="g">a</data></node>
    <edge source="ann" target="bob"/><edge source="bob" target="cy"/><edge source="cy" target="dee"/>
  </graph>
</graphml>`);
    writeFileSync(join(dir, 's.yaml'), 'steps: 3\ngraph:\n  file: net.graphml\n  households: false\nregimes:\n  fico: {}\n');
    const out = tmp();
    const r = cli(['run', join(dir, 's.yaml'), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const agents = readCsv(join(out, 'agents.csv'));
    expect(agents.map((a) => a.id)).toEqual(['ann', 'bob', 'cy', 'dee']);
    expect(agents.map((a) => a.group)).toEqual(['0', '1', '0', '0']);
    expect(agents.map((a) => a.degree)).toEqual(['1', '2', '2', '1']);
    void ROOT;
  });
});
