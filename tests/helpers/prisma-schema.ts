// A small reader for the parts of schema.prisma the schema-match test compares with the migrated
// database: models, fields (type, optional, list, @map), @@map, ids, uniques, indexes and enums.

export interface PslField {
  name: string;
  column: string;
  type: string;
  optional: boolean;
  list: boolean;
  relation: boolean;
  attributes: string;
}

export interface PslModel {
  name: string;
  table: string;
  fields: PslField[];
  /** Column lists of @@index, @@unique and @id/@@id, in the schema's order. */
  indexes: string[][];
  uniques: string[][];
  primaryKey: string[];
}

export interface PslSchema {
  models: PslModel[];
  enums: Record<string, string[]>;
}

const SCALARS = new Set(["String", "Int", "BigInt", "DateTime", "Json", "Boolean", "Float", "Decimal", "Bytes"]);

export function parsePrismaSchema(source: string): PslSchema {
  const withoutComments = source.replace(/\/\/.*$/gm, "");
  const enums: Record<string, string[]> = {};
  for (const match of withoutComments.matchAll(/enum\s+(\w+)\s*\{([^}]*)\}/g)) {
    enums[match[1] as string] = (match[2] as string).split(/\s+/).filter(Boolean);
  }
  const models: PslModel[] = [];
  for (const match of withoutComments.matchAll(/model\s+(\w+)\s*\{([^}]*)\}/g)) {
    const name = match[1] as string;
    const body = (match[2] as string)
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    const fields: PslField[] = [];
    const blockAttributes: string[] = [];
    for (const line of body) {
      if (line.startsWith("@@")) {
        blockAttributes.push(line);
        continue;
      }
      const [fieldName, rawType, ...rest] = line.split(/\s+/);
      if (!fieldName || !rawType) continue;
      const attributes = rest.join(" ");
      const baseType = rawType.replace(/[?[\]]/g, "");
      const unsupported = /^Unsupported\("([^"]+)"\)$/.exec(baseType)?.[1];
      const column = /@map\("([^"]+)"\)/.exec(attributes)?.[1] ?? fieldName;
      fields.push({
        name: fieldName,
        column,
        // Unsupported("xid8") is a column of PostgreSQL type xid8.
        type: unsupported ? `Unsupported:${unsupported}` : baseType,
        optional: rawType.endsWith("?"),
        list: rawType.endsWith("[]"),
        relation: !unsupported && !SCALARS.has(baseType) && !(baseType in enums),
        attributes,
      });
    }
    const columnOf = (field: string) => fields.find((f) => f.name === field)?.column ?? field;
    const listOf = (attr: string) =>
      (/\[([^\]]*)\]/.exec(attr)?.[1] ?? "")
        .split(",")
        // `name(ops: raw("gin_trgm_ops"))`: the field is what comes before its arguments.
        .map((s) => columnOf(s.trim().replace(/\(.*$/, "")))
        .filter(Boolean);
    const table = /@@map\("([^"]+)"\)/.exec(blockAttributes.join("\n"))?.[1] ?? name;
    const idField = fields.find((f) => /@id\b/.test(f.attributes));
    const blockId = blockAttributes.find((a) => a.startsWith("@@id"));
    models.push({
      name,
      table,
      fields,
      indexes: blockAttributes.filter((a) => a.startsWith("@@index")).map(listOf),
      uniques: [
        ...blockAttributes.filter((a) => a.startsWith("@@unique")).map(listOf),
        ...fields.filter((f) => /@unique\b/.test(f.attributes)).map((f) => [f.column]),
      ],
      primaryKey: blockId ? listOf(blockId) : idField ? [idField.column] : [],
    });
  }
  return { models, enums };
}
