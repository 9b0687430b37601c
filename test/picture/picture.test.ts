/**
 * Graph pictures (src/picture/): DOT and SVG of a small model whose shapes, params and MACs follow from the conv
 * formula; the SVG is well-formed, self-contained XML with one group per node and edge; folding (ResNet-50's
 * 3/4/6/3 bottlenecks, from the architecture); and `convtype graph` (src/cli/graph.ts) on a fixture with a shape
 * error (a red edge carrying the fixture's annotated sentence) and on ResNet-50, where its expanded picture has
 * the same layers and edge shapes as the built model's.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { googlenet } from '../../examples/googlenet.js';
import { resnet50 } from '../../examples/resnet50.js';
import { main } from '../../src/cli/main.js';
import { conv2d, input, model, relu, residual, sequential } from '../../src/index.js';
import { pictureOfModel, renderDot, renderSvg, toDot, toSvg } from '../../src/picture/index.js';
import { root } from '../../scripts/internal/compilers.js';
import { parseAnnotations } from '../diagnostics/annotations.js';
import { allElements, parseXml, textOf } from './xml.js';

/** ⌊(H + 2p − d(k−1) − 1)/s⌋ + 1, SEMANTICS.md's conv rule. */
const convOut = (h: number, k: number, p = 0, s = 1, d = 1): number => Math.floor((h + 2 * p - d * (k - 1) - 1) / s) + 1;

interface Dot {
  readonly nodes: { id: string; label: string }[];
  readonly edges: { from: string; to: string; label: string; red: boolean }[];
}

function parseDot(text: string): Dot {
  const nodes = [...text.matchAll(/^ {2}"([^"]+)" \[label="((?:[^"\\]|\\.)*)"/gm)].map((m) => ({ id: m[1]!, label: m[2]!.replace(/\\n/g, '\n') }));
  const edges = [...text.matchAll(/^ {2}"([^"]+)" -> "([^"]+)" \[label="((?:[^"\\]|\\.)*)"(.*)\];$/gm)].map((m) => ({
    from: m[1]!,
    to: m[2]!,
    label: m[3]!.replace(/\\n/g, '\n'),
    red: m[4]!.includes('color="#c62828"'),
  }));
  return { nodes, edges };
}

// 8×8×3 → conv 3×3 (4 filters) → three residual blocks (conv 3×3 pad 1 + relu) → flatten → dense 10.
const h = convOut(8, 3);
const x = input([8, 8, 3], { name: 'img' });
const block = residual(sequential(conv2d({ filters: 4, kernel: 3, padding: 1 }), relu()));
const features = x.conv2d({ filters: 4, kernel: 3, name: 'stem' }).apply(block).apply(block).apply(block);
const net = model(x, features.flatten().dense({ units: 10 }));
const stemParams = 3 * 3 * 3 * 4 + 4;
const blockParams = 3 * 3 * 4 * 4 + 4;
const stemMacs = h * h * 4 * (3 * 3 * 3);

describe('renderDot of a small model', () => {
  it('folds the three residual blocks into one node ×3 with their summed params, shapes on every edge', () => {
    const dot = parseDot(toDot(net));
    const labels = dot.nodes.map((n) => n.label.split('\n')[0]);
    expect(labels).toEqual(['input img', 'conv2d stem', 'residual block ×3', 'flatten', 'dense', 'output']);
    const stem = dot.nodes[1]!.label;
    expect(stem).toContain('filters 4, kernel 3');
    expect(stem).toContain(`params ${stemParams.toLocaleString('en-US')} · MACs ${stemMacs.toLocaleString('en-US')}`);
    expect(dot.nodes[2]!.label).toContain(`params ${(3 * blockParams).toLocaleString('en-US')}`);
    expect(dot.nodes[4]!.label).toContain(`params ${(h * h * 4 * 10 + 10).toLocaleString('en-US')}`);
    expect(dot.edges.map((e) => e.label)).toEqual([`[B, 8, 8, 3]`, `[B, ${h}, ${h}, 4]`, `[B, ${h}, ${h}, 4]`, `[B, ${h * h * 4}]`, `[B, 10]`]);
    expect(dot.edges.every((e) => !e.red)).toBe(true);
  });

  it('fold: false draws every layer of the model and every input of each', () => {
    const dot = parseDot(toDot(net, { fold: false }));
    // input, stem, 3 × (conv, relu, add), flatten, dense, and the output mark
    expect(dot.nodes).toHaveLength(net.layers.length + 1);
    expect(net.layers.length).toBe(2 + 3 * 3 + 2);
    const adds = dot.nodes.filter((n) => n.label.startsWith('add'));
    expect(adds).toHaveLength(3);
    for (const add of adds) expect(dot.edges.filter((e) => e.to === add.id).map((e) => e.label)).toEqual([`[B, ${h}, ${h}, 4]`, `[B, ${h}, ${h}, 4]`]);
    // edges: one per layer input (conv 1, relu 1, add 2 per block) + stem, flatten, dense + the output mark
    expect(dot.edges).toHaveLength(3 + 3 * 4 + 1);
  });
});

describe('renderSvg', () => {
  it('is well-formed, self-contained XML with aria-label="Graph", one group per drawn node and edge, shapes as labels', async () => {
    const svg = await toSvg(net, { title: 'small <net> & co' });
    const doc = parseXml(svg);
    expect(doc.name).toBe('svg');
    expect(doc.attributes['aria-label']).toBe('Graph');
    expect(doc.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
    const elements = allElements(doc);
    const groups = (cls: string) => elements.filter((e) => e.name === 'g' && (e.attributes.class ?? '').split(' ').includes(cls));
    expect(groups('node')).toHaveLength(5);
    expect(groups('folded')).toHaveLength(1);
    expect(textOf(groups('folded')[0]!)).toContain('residual block ×3');
    expect(groups('edge').map((g) => textOf(g))).toEqual([`[B, 8, 8, 3]`, `[B, ${h}, ${h}, 4]`, `[B, ${h}, ${h}, 4]`, `[B, ${h * h * 4}]`, `[B, 10]`]);
    expect(textOf(doc)).toContain('small <net> & co');
    // Nothing fetched: no external href, stylesheet, font or script.
    expect(elements.filter((e) => ['style', 'script', 'image', 'foreignObject', 'link'].includes(e.name))).toEqual([]);
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(svg).not.toMatch(/@font-face|@import/);
    const expanded = parseXml(await renderSvg(pictureOfModel(net), { fold: false }));
    expect(allElements(expanded).filter((e) => e.name === 'g' && e.attributes.class === 'node')).toHaveLength(net.layers.length);
  });

  it('lays every node inside the picture, without two nodes overlapping', async () => {
    const doc = parseXml(await toSvg(net, { fold: false }));
    const [width, height] = [Number(doc.attributes.width), Number(doc.attributes.height)];
    const boxes = allElements(doc)
      .filter((e) => e.name === 'g' && e.attributes.class === 'node')
      .map((g) => g.children.find((c) => c.name === 'rect')!.attributes)
      .map((a) => ({ x: Number(a.x), y: Number(a.y), w: Number(a.width), h: Number(a.height) }));
    for (const b of boxes) expect(b.x >= 0 && b.y >= 0 && b.x + b.w <= width && b.y + b.h <= height).toBe(true);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
    }
  });
});

describe('folding ResNet-50 (examples/resnet50.ts)', () => {
  it("draws the four stages' 3, 4, 6 and 3 bottlenecks as ×3, ×4, ×6, ×3 ending in each stage's shape", () => {
    const dot = parseDot(toDot(resnet50()));
    const folded = dot.nodes.filter((n) => /×\d+/.test(n.label));
    expect(folded.map((n) => Number(/×(\d+)/.exec(n.label)![1]))).toEqual([3, 4, 6, 3]);
    // Stage outputs of ResNet-50 at 224 (He et al., table 1): 56² × 256, 28² × 512, 14² × 1024, 7² × 2048.
    const out = folded.map((n) => dot.edges.find((e) => e.from === n.id)!.label);
    expect(out).toEqual(['[B, 56, 56, 256]', '[B, 28, 28, 512]', '[B, 14, 14, 1024]', '[B, 7, 7, 2048]']);
  });
});

describe('folding GoogLeNet (examples/googlenet.ts)', () => {
  it('keeps its nine inception modules apart: 4a–4c end in the same shape but differ in width', () => {
    const dot = parseDot(toDot(googlenet()));
    expect(dot.nodes.filter((n) => /×\d+/.test(n.label))).toEqual([]);
    // Szegedy et al. (2015), table 1: inception 3a, 3b, 4a–4e, 5a, 5b.
    expect(dot.nodes.filter((n) => n.label === 'concat')).toHaveLength(9);
  });
});

describe('convtype graph (the type checker, no run)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'convtype-graph-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const capture = async (args: readonly string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await main(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd: root });
    return { code, stdout, stderr };
  };

  it('usage errors exit 2 with a sentence', async () => {
    expect(await capture(['graph'])).toMatchObject({ code: 2, stderr: expect.stringContaining('expected one .ts file (got 0)') });
    expect(await capture(['graph', 'no/such/file.ts'])).toMatchObject({ code: 2, stderr: expect.stringContaining('file not found: no/such/file.ts') });
    expect(await capture(['graph', 'a.ts', '--svgg', 'x'])).toMatchObject({ code: 2 });
  });

  it('draws the U-Net-570 crop mismatch as a red edge into the concat carrying its sentence (DOT and SVG)', async () => {
    const fixture = 'test/diagnostics/fixtures/zoo-unet-570.ts';
    const [expected] = parseAnnotations(readFileSync(resolve(root, fixture), 'utf8'), fixture);
    const svgPath = join(tmp, 'unet.svg');
    const r = await capture(['graph', fixture, '--svg', svgPath]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1 error');
    const svg = parseXml(readFileSync(svgPath, 'utf8'));
    const red = allElements(svg).filter((e) => e.name === 'g' && e.attributes.class === 'edge error');
    expect(red.length).toBeGreaterThanOrEqual(1);
    const squash = (s: string) => s.replace(/\s+/g, '');
    expect(red.filter((g) => squash(textOf(g)).includes(squash(expected!.sentence)))).toHaveLength(1);
    const dot = parseDot((await capture(['graph', fixture])).stdout);
    const redEdges = dot.edges.filter((e) => e.red);
    expect(new Set(redEdges.map((e) => e.to)).size).toBe(1);
    const target = dot.nodes.find((n) => n.id === redEdges[0]!.to)!;
    expect(target.label.split('\n')[0]).toBe('concat');
    expect(redEdges.some((e) => e.label.replace(/\n/g, ' ').includes(expected!.sentence))).toBe(true);
  }, 60_000);

  it('ResNet-50: bottleneck ×3, ×4, ×6, ×3 folded; expanded, the same layers and edge shapes as the built model', async () => {
    const folded = parseDot((await capture(['graph', 'examples/resnet50.ts'])).stdout);
    expect(folded.nodes.filter((n) => /×\d+/.test(n.label)).map((n) => n.label.split('\n')[0])).toEqual(['bottleneck ×3', 'bottleneck ×4', 'bottleneck ×6', 'bottleneck ×3']);
    const r = await capture(['graph', 'examples/resnet50.ts', '--expand']);
    expect(r.code).toBe(0);
    const checker = parseDot(r.stdout);
    const built = parseDot(toDot(resnet50(), { fold: false }));
    expect(checker.nodes.map((n) => n.label.split('\n')[0]!.split(' ')[0])).toEqual(built.nodes.map((n) => n.label.split('\n')[0]!.split(' ')[0]));
    expect(checker.edges.map((e) => e.label).sort()).toEqual(built.edges.map((e) => e.label).sort());
  }, 120_000);
});

describe('renderDot escaping', () => {
  it('quotes names and sentences with quotes, backslashes and newlines', () => {
    const dot = renderDot({
      nodes: [
        { id: 'a', kind: 'input', name: 'say "hi"\\' },
        { id: 'b', kind: 'relu', error: 'relu: bad "x"' },
      ],
      edges: [{ from: 'a', to: 'b', shape: [-1, 2], error: 'relu: bad "x"' }],
    });
    expect(dot).toContain('"a" [label="input say \\"hi\\"\\\\"');
    expect(parseDot(dot).edges[0]).toMatchObject({ from: 'a', to: 'b', red: true, label: '[B, 2]\nrelu: bad \\"x\\"' });
  });
});
