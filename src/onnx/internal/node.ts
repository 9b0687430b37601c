/**
 * NodeProto and AttributeProto readers of graph.ts (the graph's nodes with their attributes), on the bounds-checked
 * wire reader; every malformation is a `FormatError` naming the node and attribute.
 */
import { readTensor } from '../decode.js';
import type { OnnxAttribute, OnnxGraphNode, OnnxTensor } from '../graph.js';
import { blame, blameOn, count, expectWire, fail, int64, next, signed64, text, varint, WIRE_FIXED32, WIRE_LEN, type Field } from './wire.js';

// AttributeProto.AttributeType
const ATTRIBUTE_TYPES: Readonly<Record<number, OnnxAttribute['type']>> = {
  1: 'FLOAT',
  2: 'INT',
  3: 'STRING',
  4: 'TENSOR',
  5: 'GRAPH',
  6: 'FLOATS',
  7: 'INTS',
  8: 'STRINGS',
  9: 'TENSORS',
  10: 'GRAPHS',
  11: 'SPARSE_TENSOR',
  13: 'TYPE_PROTO',
};
/** The type an attribute without a `type` field (IR < 3) has, from the field that holds its value. */
const TYPE_OF_FIELD: Readonly<Record<number, OnnxAttribute['type']>> = {
  2: 'FLOAT',
  3: 'INT',
  4: 'STRING',
  5: 'TENSOR',
  6: 'GRAPH',
  7: 'FLOATS',
  8: 'INTS',
  9: 'STRINGS',
  10: 'TENSORS',
  11: 'GRAPHS',
};

/** Reads an AttributeProto in `[start, end)` of node `node`. */
function readAttribute(b: Uint8Array, start: number, end: number, node: string): { name: string; attribute: OnnxAttribute } {
  let name: string | undefined;
  let declared: OnnxAttribute['type'] | undefined;
  let seen: number | undefined;
  let f32 = 0;
  let i64 = 0;
  let str = '';
  let tensor: OnnxTensor | undefined;
  const floats: number[] = [];
  const ints: number[] = [];
  const strings: string[] = [];
  const f: Field = { field: 0, wire: 0, start: 0, end: 0 };
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let pos = start; pos < end; ) {
    pos = next(b, pos, end, f);
    switch (f.field) {
      case 1:
        name = text(b, f, 'attribute name');
        blameOn(`${node} attribute '${name}'`);
        break;
      case 2:
        expectWire(f, WIRE_FIXED32, 'attribute f');
        f32 = view.getFloat32(f.start, true);
        seen ??= 2;
        break;
      case 3:
        i64 = int64(b, f, 'attribute i');
        seen ??= 3;
        break;
      case 4:
        str = text(b, f, 'attribute s');
        seen ??= 4;
        break;
      case 5: {
        expectWire(f, WIRE_LEN, 'attribute t');
        const label = blame ?? node;
        const t = readTensor(b, f.start, f.end, label, true);
        tensor = { ...t.tensor, dataType: t.dataType };
        blameOn(label);
        seen ??= 5;
        break;
      }
      case 7: // floats, packed or not
        if (f.wire === WIRE_LEN) {
          if ((f.end - f.start) % 4 !== 0) fail(`packed attribute floats is ${f.end - f.start} bytes (expected a multiple of 4)`, blame);
          for (let p = f.start; p < f.end; p += 4) floats.push(view.getFloat32(p, true));
        } else {
          expectWire(f, WIRE_FIXED32, 'attribute floats');
          floats.push(view.getFloat32(f.start, true));
        }
        seen ??= 7;
        break;
      case 8: // ints, packed or not
        if (f.wire === WIRE_LEN) {
          for (let p = f.start; p < f.end; ) {
            p = varint(b, p, f.end);
            ints.push(signed64());
          }
        } else ints.push(int64(b, f, 'attribute ints'));
        seen ??= 8;
        break;
      case 9:
        strings.push(text(b, f, 'attribute strings'));
        seen ??= 9;
        break;
      case 6:
      case 10:
      case 11:
        seen ??= f.field;
        break;
      case 20: {
        const t = count(b, f, 'attribute type');
        declared = ATTRIBUTE_TYPES[t] ?? 'OTHER';
        break;
      }
      default: // doc_string, ref_attr_name, sparse tensors, type protos, unknown fields
        break;
    }
  }
  if (name === undefined || name === '') fail('has an attribute without a name (AttributeProto field 1)', node);
  const type = declared ?? (seen === undefined ? 'OTHER' : TYPE_OF_FIELD[seen]!);
  const attribute: OnnxAttribute =
    type === 'FLOAT' ? { type, value: f32 }
    : type === 'INT' ? { type, value: i64 }
    : type === 'STRING' ? { type, value: str }
    : type === 'TENSOR' ? { type, value: tensor ?? fail('is a TENSOR attribute without a tensor (field 5)', `${node} attribute '${name}'`) }
    : type === 'FLOATS' ? { type, value: floats }
    : type === 'INTS' ? { type, value: ints }
    : type === 'STRINGS' ? { type, value: strings }
    : { type };
  return { name, attribute };
}

/** Reads a NodeProto in `[start, end)`. */
export function readNode(b: Uint8Array, start: number, end: number, index: number): OnnxGraphNode {
  let label = `node #${index}`;
  blameOn(label);
  const inputs: string[] = [];
  const outputs: string[] = [];
  let name = '';
  let opType: string | undefined;
  let domain = '';
  const attributes: Record<string, OnnxAttribute> = Object.create(null);
  const f: Field = { field: 0, wire: 0, start: 0, end: 0 };
  // The name and op type first, so that attribute errors name the node.
  for (let pos = start; pos < end; ) {
    pos = next(b, pos, end, f);
    if (f.field === 3) name = text(b, f, 'node name');
    else if (f.field === 4) opType = text(b, f, 'op_type');
  }
  if (opType === undefined || opType === '') fail('has no op_type (NodeProto field 4)', label);
  if (name === '') name = `${opType}_${index}`;
  label = `node '${name}'`;
  blameOn(label);
  for (let pos = start; pos < end; ) {
    pos = next(b, pos, end, f);
    switch (f.field) {
      case 1:
        inputs.push(text(b, f, 'node input'));
        break;
      case 2:
        outputs.push(text(b, f, 'node output'));
        break;
      case 5: {
        expectWire(f, WIRE_LEN, 'attribute');
        const a = readAttribute(b, f.start, f.end, label);
        blameOn(label);
        if (Object.hasOwn(attributes, a.name)) fail(`has attribute '${a.name}' twice (expected unique attribute names)`, label);
        attributes[a.name] = a.attribute;
        break;
      }
      case 7:
        domain = text(b, f, 'node domain');
        break;
      default: // name, op_type (read above), doc_string, overload, metadata, unknown fields
        break;
    }
  }
  return { name, opType, domain, inputs, outputs, attributes };
}

