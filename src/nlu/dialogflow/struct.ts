/** google.protobuf.Struct ⇄ JSON. The gRPC client returns Structs in protobuf shape and silently empties plain JSON. */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type IValue = { kind?: string; stringValue?: string | null; numberValue?: number | null; boolValue?: boolean | null; structValue?: IStruct | null; listValue?: { values?: IValue[] | null } | null; nullValue?: unknown };
type IStruct = { fields?: Record<string, IValue> | null };

export function jsonToValue(v: Json | undefined): IValue {
  if (v === null || v === undefined) return { nullValue: 'NULL_VALUE' };
  if (Array.isArray(v)) return { listValue: { values: v.map(jsonToValue) } };
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  return { structValue: jsonToStruct(v) };
}

export function jsonToStruct(o: { [k: string]: Json }): IStruct {
  const fields: Record<string, IValue> = {};
  for (const [k, v] of Object.entries(o)) fields[k] = jsonToValue(v);
  return { fields };
}

export function valueToJson(v: IValue): Json {
  const kind = v.kind ?? ['stringValue', 'numberValue', 'boolValue', 'structValue', 'listValue'].find((k) => (v as Record<string, unknown>)[k] != null);
  switch (kind) {
    case 'stringValue':
      return v.stringValue ?? '';
    case 'numberValue':
      return v.numberValue ?? 0;
    case 'boolValue':
      return v.boolValue ?? false;
    case 'structValue':
      return structToJson(v.structValue);
    case 'listValue':
      return (v.listValue?.values ?? []).map(valueToJson);
    default:
      return null;
  }
}

export function structToJson(s: IStruct | null | undefined): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(s?.fields ?? {})) out[k] = valueToJson(v);
  return out;
}
