// The hand-written migrations must produce exactly the database schema.prisma describes (the Prisma
// CLI that would generate them cannot run offline). Compares tables, columns, types, nullability,
// primary keys, unique and plain indexes, and enum values.

import fs from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parsePrismaSchema } from "../helpers/prisma-schema";
import { rows } from "../helpers/db";

const schema = parsePrismaSchema(await fs.readFile("prisma/schema.prisma", "utf8"));

function expectedType(type: string, attributes: string, enums: Record<string, string[]>): string {
  if (type in enums) return type;
  if (type.startsWith("Unsupported:")) return type.slice("Unsupported:".length);
  switch (type) {
    case "String":
      return "text";
    case "Int":
      return "integer";
    case "BigInt":
      return "bigint";
    case "Float":
      return "double precision";
    case "Boolean":
      return "boolean";
    case "Json":
      return /@db\.Json\b/.test(attributes) ? "json" : "jsonb";
    case "DateTime":
      return /@db\.Timestamptz/.test(attributes) ? "timestamp with time zone" : "timestamp without time zone";
    default:
      throw new Error(`type ${type} not handled by this test`);
  }
}

describe("migrated database matches prisma/schema.prisma", () => {
  it("has every table and no other", async () => {
    const tables = await rows<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    expect(tables.map((t) => t.table_name).sort()).toEqual(schema.models.map((m) => m.table).sort());
  });

  for (const model of schema.models) {
    it(`${model.name}: columns, types and nullability`, async () => {
      const columns = await rows<{
        column_name: string;
        data_type: string;
        udt_name: string;
        is_nullable: string;
        datetime_precision: number | null;
      }>(
        `SELECT column_name, data_type, udt_name, is_nullable, datetime_precision
           FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
        [model.table],
      );
      const actual = Object.fromEntries(
        columns.map((c) => [
          c.column_name,
          {
            type: c.data_type === "USER-DEFINED" ? c.udt_name : c.data_type === "ARRAY" ? `${c.udt_name.replace(/^_/, "")}[]` : c.data_type,
            nullable: c.is_nullable === "YES",
          },
        ]),
      );
      const expected = Object.fromEntries(
        model.fields
          .filter((f) => !f.relation)
          .map((f) => {
            const base = expectedType(f.type, f.attributes, schema.enums);
            // Prisma creates scalar lists without NOT NULL.
            return [f.column, { type: f.list ? `${base}[]` : base, nullable: f.optional || f.list }];
          }),
      );
      expect(actual).toEqual(expected);
      for (const c of columns.filter((c) => c.data_type.startsWith("timestamp"))) {
        expect(c.datetime_precision, `${model.table}.${c.column_name} precision`).toBe(3);
      }
    });

    it(`${model.name}: primary key, unique and plain indexes`, async () => {
      const indexes = await rows<{ unique: boolean; primary: boolean; columns: string[] }>(
        `SELECT i.indisunique AS unique, i.indisprimary AS primary,
                array_agg(a.attname ORDER BY k.ord)::text[] AS columns
           FROM pg_index i
           JOIN pg_class t ON t.oid = i.indrelid
           JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
           JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
          WHERE t.relname = $1
          GROUP BY i.indexrelid, i.indisunique, i.indisprimary`,
        [model.table],
      );
      const key = (cols: string[]) => cols.join(",");
      expect(indexes.filter((i) => i.primary).map((i) => key(i.columns))).toEqual([key(model.primaryKey)]);
      expect(
        indexes
          .filter((i) => i.unique && !i.primary)
          .map((i) => key(i.columns))
          .sort(),
      ).toEqual(model.uniques.map(key).sort());
      expect(
        indexes
          .filter((i) => !i.unique)
          .map((i) => key(i.columns))
          .sort(),
      ).toEqual(model.indexes.map(key).sort());
    });
  }

  it("has the schema's enums with their values in order", async () => {
    const enums = await rows<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    expect(Object.fromEntries(enums.map((e) => [e.name, e.values]))).toEqual(schema.enums);
  });
});
