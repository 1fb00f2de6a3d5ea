import { z } from "zod";

type Schema = z.ZodTypeAny;
const Kind = z.ZodFirstPartyTypeKind;

/** A path into an input: object keys and array indexes. */
export type InputPath = (string | number)[];

/** What a valid-looking input needs that a schema cannot say: real ids and numbers, by field. */
export interface SampleIds {
  /** The id to put in a uuid field of this name (the innermost object key). */
  uuid(field: string): string;
  /** A number for a numeric field of this name (e.g. a real message id), or null for the minimum. */
  number(field: string): number | null;
}

/**
 * A value the schema accepts (as far as its shape says: refinements may still refuse it), with
 * every optional field present, so each field can then be replaced by something hostile.
 */
export function sampleOf(schema: Schema, ids: SampleIds, field = ""): unknown {
  const def = schema._def as { typeName: z.ZodFirstPartyTypeKind } & Record<string, unknown>;
  switch (def.typeName) {
    case Kind.ZodString: {
      const string = schema as z.ZodString;
      if (string.isUUID) return ids.uuid(field);
      if (string.isEmail) return "someone@example.com";
      return "x".repeat(Math.max(1, string.minLength ?? 1, 8));
    }
    case Kind.ZodNumber: {
      const number = schema as z.ZodNumber;
      return ids.number(field) ?? Math.max(1, number.minValue ?? 1);
    }
    case Kind.ZodBoolean:
      return false;
    case Kind.ZodEnum:
      return (schema as z.ZodEnum<[string, ...string[]]>).options[0];
    case Kind.ZodLiteral:
      return (schema as z.ZodLiteral<unknown>).value;
    case Kind.ZodArray: {
      const array = schema as z.ZodArray<Schema>;
      return [sampleOf(array.element, ids, field)];
    }
    case Kind.ZodObject: {
      const shape = (schema as z.ZodObject<z.ZodRawShape>).shape;
      return Object.fromEntries(
        Object.entries(shape).map(([key, inner]) => [key, sampleOf(inner, ids, key)]),
      );
    }
    case Kind.ZodDiscriminatedUnion: {
      const options = (schema as z.ZodDiscriminatedUnion<string, z.ZodObject<z.ZodRawShape>[]>)
        .options;
      return options[0] ? sampleOf(options[0], ids, field) : {};
    }
    case Kind.ZodUnion:
      return sampleOf((schema as z.ZodUnion<[Schema, ...Schema[]]>).options[0], ids, field);
    case Kind.ZodOptional:
    case Kind.ZodNullable:
    case Kind.ZodDefault:
    case Kind.ZodReadonly:
      return sampleOf(def.innerType as Schema, ids, field);
    case Kind.ZodEffects:
      return sampleOf(def.schema as Schema, ids, field);
    case Kind.ZodPipeline:
      return sampleOf(def.in as Schema, ids, field);
    case Kind.ZodRecord:
      return {};
    default:
      return null;
  }
}

/** Every path to a leaf (not an object or array) of a sample, with the leaf's value. */
export function leavesOf(
  value: unknown,
  path: InputPath = [],
): { path: InputPath; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leavesOf(item, [...path, index]));
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return [{ path, value }];
    return entries.flatMap(([key, item]) => leavesOf(item, [...path, key]));
  }
  return [{ path, value }];
}

/** A copy of `input` with the value at `path` replaced. */
export function replacedAt(input: unknown, path: InputPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...InputPath];
  if (Array.isArray(input)) {
    const copy: unknown[] = [...input];
    copy[Number(head)] = replacedAt(copy[Number(head)], rest, value);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  copy[head] = replacedAt(copy[head], rest, value);
  return copy;
}
