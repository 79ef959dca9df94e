// Proves that an owner's hand-written migrations build what its schema.prisma declares.
// Prisma's own differ (`prisma migrate diff`) needs the native schema engine, which is
// not available everywhere, so this compares the two itself: schema.prisma read by
// Prisma's own parser (the WebAssembly build that `prisma format` uses, through the
// DMMF) against the database read from pg_catalog.
//
// Compared: tables, columns, column types (with length, precision and scale),
// nullability, primary keys, unique and plain indexes (columns and names), foreign keys
// (columns, target, ON DELETE/ON UPDATE), enum types and their values. Not compared:
// column defaults, index sort order and method, and foreign-key names (the DMMF does
// not carry a relation's `map:`). What Prisma cannot express is ignored by design:
// CHECK and exclusion constraints, triggers, partial and expression indexes.
import { readFile } from "node:fs/promises";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import type { SqlSession } from "./sql-executor.ts";

export interface SchemaDriftOptions {
  /** The PostgreSQL schema the migrations built (the owner's name). */
  schema: string;
  prismaSchemaPath: string;
}

/**
 * Every difference between the database's `schema` and the models that schema.prisma
 * places there, in words; an empty list when they agree. Prisma's DMMF does not say
 * which schema an enum belongs to, so every enum of the file is expected in `schema`
 * (Marquee keeps one owner, one schema, per file).
 */
export async function findSchemaDrift(session: SqlSession, options: SchemaDriftOptions): Promise<string[]> {
  const datamodel = await readDatamodel(options.prismaSchemaPath);
  const declared = declaredShape(datamodel, options.schema);
  const actual = await databaseShape(session, options.schema);
  return compareShapes(declared, actual, options.schema);
}

// ---------------------------------------------------------------------------------
// The shape both sides are reduced to.

interface SchemaShape {
  tables: Map<string, TableShape>;
  /** Enum type name -> its values. */
  enums: Map<string, string[]>;
}

interface TableShape {
  columns: Map<string, ColumnShape>;
  primaryKey: { name: string; columns: string[] } | null;
  /** Unique and plain indexes, by name. */
  indexes: Map<string, { columns: string[]; unique: boolean }>;
  foreignKeys: ForeignKeyShape[];
}

interface ColumnShape {
  /** As PostgreSQL's format_type() writes it; `enum <name>` for enum types. */
  type: string;
  /** null where nullability is not compared. */
  notNull: boolean | null;
}

interface ForeignKeyShape {
  columns: string[];
  referencedSchema: string;
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}

// ---------------------------------------------------------------------------------
// schema.prisma, through the parts of Prisma's DMMF used here.

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  isList: boolean;
  isRequired: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

interface DmmfModel {
  name: string;
  dbName: string | null;
  schema?: string | null;
  fields: DmmfField[];
}

interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName?: string | null }[];
}

interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  fields: { name: string }[];
}

interface Datamodel {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
}

async function readDatamodel(prismaSchemaPath: string): Promise<Datamodel> {
  const source = await readFile(prismaSchemaPath, "utf8");
  let dmmf: string;
  try {
    dmmf = get_dmmf(JSON.stringify({ prismaSchema: [[prismaSchemaPath, source]], noColor: true }));
  } catch (error) {
    throw new Error(`${prismaSchemaPath} is not a valid Prisma schema:\n${parserMessage(error)}`, { cause: error });
  }
  return (JSON.parse(dmmf) as { datamodel: Datamodel }).datamodel;
}

// The parser reports errors as JSON inside the Error's message.
function parserMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  try {
    return (JSON.parse(text) as { message?: string }).message ?? text;
  } catch {
    return text;
  }
}

// PostgreSQL's identifier limit, which Prisma's default constraint names are cut to.
const maxIdentifierLength = 63;

function declaredShape(datamodel: Datamodel, schema: string): SchemaShape {
  const modelsByName = new Map(datamodel.models.map((model) => [model.name, model]));
  const enumsByName = new Map(datamodel.enums.map((enumType) => [enumType.name, enumType]));
  const tables = new Map<string, TableShape>();

  for (const model of datamodel.models) {
    if ((model.schema ?? schema) !== schema) continue;
    const table = tableName(model);
    const columnOf = (fieldName: string) => columnName(fieldOf(model, fieldName));
    const shape: TableShape = { columns: new Map(), primaryKey: null, indexes: new Map(), foreignKeys: [] };

    for (const field of model.fields) {
      if (field.kind === "scalar" || field.kind === "enum") {
        const element = field.kind === "enum" ? `enum ${enumsByName.get(field.type)?.dbName ?? field.type}` : scalarType(field);
        shape.columns.set(columnName(field), {
          type: field.isList ? `${element}[]` : element,
          // Prisma creates list columns without NOT NULL and reads either kind as a list.
          notNull: field.isList ? null : field.isRequired,
        });
      }
      if (field.kind === "object" && field.relationFromFields?.length) {
        const referenced = modelsByName.get(field.type);
        if (!referenced) throw new Error(`Relation ${model.name}.${field.name} names an unknown model ${field.type}.`);
        shape.foreignKeys.push({
          columns: field.relationFromFields.map(columnOf),
          referencedSchema: referenced.schema ?? schema,
          referencedTable: tableName(referenced),
          referencedColumns: (field.relationToFields ?? []).map((name) => columnName(fieldOf(referenced, name))),
          // Prisma's defaults when the relation names no action.
          onDelete: field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull"),
          onUpdate: field.relationOnUpdate ?? "Cascade",
        });
      }
    }

    for (const index of datamodel.indexes.filter((candidate) => candidate.model === model.name)) {
      const columns = index.fields.map(({ name }) => columnOf(name));
      if (index.type === "id") {
        shape.primaryKey = { name: index.dbName ?? defaultPrimaryKeyName(table), columns };
      } else if (index.type === "unique" || index.type === "normal") {
        const unique = index.type === "unique";
        shape.indexes.set(index.dbName ?? defaultIndexName(table, columns, unique ? "_key" : "_idx"), { columns, unique });
      }
    }
    tables.set(table, shape);
  }

  const enums = new Map(
    datamodel.enums.map((enumType) => [enumType.dbName ?? enumType.name, enumType.values.map((value) => value.dbName ?? value.name)]),
  );
  return { tables, enums };
}

function tableName(model: DmmfModel): string {
  return model.dbName ?? model.name;
}

function columnName(field: DmmfField): string {
  return field.dbName ?? field.name;
}

function fieldOf(model: DmmfModel, fieldName: string): DmmfField {
  const field = model.fields.find((candidate) => candidate.name === fieldName);
  if (!field) throw new Error(`Model ${model.name} has no field ${fieldName}.`);
  return field;
}

// Prisma's naming convention for constraints that schema.prisma does not name (`map:`).
function defaultPrimaryKeyName(table: string): string {
  const suffix = "_pkey";
  return `${table.slice(0, maxIdentifierLength - suffix.length)}${suffix}`;
}

function defaultIndexName(table: string, columns: string[], suffix: "_key" | "_idx"): string {
  return `${`${table}_${columns.join("_")}`.slice(0, maxIdentifierLength - suffix.length)}${suffix}`;
}

/** The PostgreSQL type Prisma creates for a scalar field, as format_type() writes it. */
function scalarType(field: DmmfField): string {
  const [nativeType, args] = field.nativeType ?? defaultNativeTypes[field.type] ?? [field.type, []];
  const rendering = nativeTypeRenderings[nativeType];
  if (!rendering) throw new Error(`Field ${field.name} has the type ${nativeType}, which the drift check does not know.`);
  return rendering(args.length > 0 ? `(${args.join(",")})` : "");
}

// What Prisma uses on PostgreSQL for a field without an @db attribute.
const defaultNativeTypes: Record<string, [string, string[]] | undefined> = {
  String: ["Text", []],
  Boolean: ["Boolean", []],
  Int: ["Integer", []],
  BigInt: ["BigInt", []],
  Float: ["DoublePrecision", []],
  Decimal: ["Decimal", ["65", "30"]],
  DateTime: ["Timestamp", ["3"]],
  Json: ["JsonB", []],
  Bytes: ["ByteA", []],
};

// Prisma's PostgreSQL native types, each given its "(arguments)" or "".
const nativeTypeRenderings: Record<string, ((args: string) => string) | undefined> = {
  Text: () => "text",
  Char: (args) => `character${args || "(1)"}`,
  VarChar: (args) => `character varying${args}`,
  Bit: (args) => `bit${args || "(1)"}`,
  VarBit: (args) => `bit varying${args}`,
  Uuid: () => "uuid",
  Xml: () => "xml",
  Inet: () => "inet",
  Citext: () => "citext",
  Boolean: () => "boolean",
  Integer: () => "integer",
  SmallInt: () => "smallint",
  Oid: () => "oid",
  BigInt: () => "bigint",
  DoublePrecision: () => "double precision",
  Real: () => "real",
  Decimal: (args) => `numeric${args}`,
  Money: () => "money",
  Timestamp: (args) => `timestamp${args} without time zone`,
  Timestamptz: (args) => `timestamp${args} with time zone`,
  Date: () => "date",
  Time: (args) => `time${args} without time zone`,
  Timetz: (args) => `time${args} with time zone`,
  Json: () => "json",
  JsonB: () => "jsonb",
  ByteA: () => "bytea",
};

// ---------------------------------------------------------------------------------
// The database, from pg_catalog.

interface ColumnRow {
  table_name: string;
  column_name: string;
  not_null: boolean;
  formatted_type: string;
  enum_type: string | null;
}

interface ConstraintRow {
  name: string;
  kind: "p" | "f";
  table_name: string;
  columns: string[];
  referenced_schema: string | null;
  referenced_table: string | null;
  referenced_columns: string[];
  on_delete: string;
  on_update: string;
}

interface IndexRow {
  name: string;
  table_name: string;
  is_unique: boolean;
  columns: string[];
}

// Prisma's record of applied migrations, which no schema.prisma declares.
const migrationHistoryTable = "_prisma_migrations";

const columnNamesOf = (keyColumns: string, relation: string) => `ARRAY(
  SELECT a.attname::text
  FROM unnest(${keyColumns}) WITH ORDINALITY AS k(attnum, position)
  JOIN pg_catalog.pg_attribute a ON a.attrelid = ${relation} AND a.attnum = k.attnum
  ORDER BY k.position)`;

async function databaseShape(session: SqlSession, schema: string): Promise<SchemaShape> {
  const tableRows = await session.query<{ table_name: string }>(
    `SELECT c.relname::text AS table_name
     FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
    [schema],
  );
  const columnRows = await session.query<ColumnRow>(
    `SELECT c.relname::text AS table_name, a.attname::text AS column_name, a.attnotnull AS not_null,
            format_type(a.atttypid, a.atttypmod) AS formatted_type,
            CASE WHEN t.typtype = 'e' THEN t.typname::text
                 WHEN element.typtype = 'e' THEN element.typname::text || '[]' END AS enum_type
     FROM pg_catalog.pg_class c
     JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
     LEFT JOIN pg_catalog.pg_type element ON element.oid = t.typelem AND t.typcategory = 'A'
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition
     ORDER BY c.relname, a.attnum`,
    [schema],
  );
  // CHECK and exclusion constraints are left out: Prisma cannot declare them.
  const constraintRows = await session.query<ConstraintRow>(
    `SELECT con.conname::text AS name, con.contype::text AS kind, c.relname::text AS table_name,
            ${columnNamesOf("con.conkey", "con.conrelid")} AS columns,
            rn.nspname::text AS referenced_schema, rc.relname::text AS referenced_table,
            ${columnNamesOf("con.confkey", "con.confrelid")} AS referenced_columns,
            con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
     FROM pg_catalog.pg_constraint con
     JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
     JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
     LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
     WHERE n.nspname = $1 AND con.contype IN ('p', 'f')`,
    [schema],
  );
  // Partial and expression indexes, and those behind exclusion constraints, are left
  // out: Prisma cannot declare them. INCLUDE columns are not part of the key.
  const indexRows = await session.query<IndexRow>(
    `SELECT i.relname::text AS name, t.relname::text AS table_name, x.indisunique AS is_unique,
            ARRAY(
              SELECT a.attname::text
              FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
              JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
              WHERE k.position <= x.indnkeyatts
              ORDER BY k.position) AS columns
     FROM pg_catalog.pg_index x
     JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
     JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
     JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = $1 AND NOT x.indisprimary AND x.indpred IS NULL AND x.indexprs IS NULL
       AND NOT EXISTS (
         SELECT 1 FROM pg_catalog.pg_constraint con WHERE con.conindid = x.indexrelid AND con.contype = 'x')`,
    [schema],
  );
  const enumRows = await session.query<{ name: string; labels: string[] }>(
    `SELECT t.typname::text AS name,
            ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels
     FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = $1 AND t.typtype = 'e'`,
    [schema],
  );

  const tables = new Map<string, TableShape>();
  for (const { table_name } of tableRows) {
    if (table_name === migrationHistoryTable) continue;
    tables.set(table_name, { columns: new Map(), primaryKey: null, indexes: new Map(), foreignKeys: [] });
  }
  for (const row of columnRows) {
    tables.get(row.table_name)?.columns.set(row.column_name, {
      type: row.enum_type === null ? row.formatted_type : `enum ${row.enum_type}`,
      notNull: row.not_null,
    });
  }
  for (const row of constraintRows) {
    const table = tables.get(row.table_name);
    if (!table) continue;
    if (row.kind === "p") {
      table.primaryKey = { name: row.name, columns: row.columns };
    } else {
      table.foreignKeys.push({
        columns: row.columns,
        referencedSchema: row.referenced_schema ?? schema,
        referencedTable: row.referenced_table ?? "",
        referencedColumns: row.referenced_columns,
        onDelete: referentialActions[row.on_delete] ?? row.on_delete,
        onUpdate: referentialActions[row.on_update] ?? row.on_update,
      });
    }
  }
  for (const row of indexRows) {
    tables.get(row.table_name)?.indexes.set(row.name, { columns: row.columns, unique: row.is_unique });
  }
  return { tables, enums: new Map(enumRows.map((row) => [row.name, row.labels])) };
}

// pg_constraint's action codes, in Prisma's words.
const referentialActions: Record<string, string | undefined> = {
  a: "NoAction",
  r: "Restrict",
  c: "Cascade",
  n: "SetNull",
  d: "SetDefault",
};

// ---------------------------------------------------------------------------------
// The comparison.

function compareShapes(declared: SchemaShape, actual: SchemaShape, schema: string): string[] {
  const differences: string[] = [];
  for (const [name, table] of declared.tables) {
    const found = actual.tables.get(name);
    if (found) differences.push(...compareTables(name, table, found, schema));
    else differences.push(`table ${name}: declared in schema.prisma but missing from the database`);
  }
  for (const name of actual.tables.keys()) {
    if (!declared.tables.has(name)) differences.push(`table ${name}: in the database but not declared in schema.prisma`);
  }

  for (const [name, values] of declared.enums) {
    const found = actual.enums.get(name);
    if (!found) {
      differences.push(`enum ${name}: declared in schema.prisma but missing from the database`);
      continue;
    }
    // Prisma ignores the order of enum values, and so does this check.
    const missing = values.filter((value) => !found.includes(value));
    const extra = found.filter((value) => !values.includes(value));
    if (missing.length) differences.push(`enum ${name}: values ${missing.join(", ")} missing from the database`);
    if (extra.length) differences.push(`enum ${name}: values ${extra.join(", ")} in the database but not in schema.prisma`);
  }
  for (const name of actual.enums.keys()) {
    if (!declared.enums.has(name)) differences.push(`enum ${name}: in the database but not declared in schema.prisma`);
  }
  return differences;
}

function compareTables(name: string, declared: TableShape, actual: TableShape, schema: string): string[] {
  const differences: string[] = [];
  for (const [column, expected] of declared.columns) {
    const found = actual.columns.get(column);
    if (!found) {
      differences.push(`column ${name}.${column}: declared in schema.prisma but missing from the database`);
      continue;
    }
    if (found.type !== expected.type) {
      differences.push(`column ${name}.${column}: type is ${found.type} in the database, schema.prisma declares ${expected.type}`);
    }
    if (expected.notNull !== null && found.notNull !== expected.notNull) {
      differences.push(
        `column ${name}.${column}: ${nullability(found.notNull === true)} in the database, schema.prisma declares it ${nullability(expected.notNull)}`,
      );
    }
  }
  for (const column of actual.columns.keys()) {
    if (!declared.columns.has(column)) differences.push(`column ${name}.${column}: in the database but not declared in schema.prisma`);
  }

  const declaredKey = declared.primaryKey ? describeKey(declared.primaryKey) : "none";
  const actualKey = actual.primaryKey ? describeKey(actual.primaryKey) : "none";
  if (declaredKey !== actualKey) {
    differences.push(`table ${name}: primary key is ${actualKey} in the database, schema.prisma declares ${declaredKey}`);
  }

  for (const [index, expected] of declared.indexes) {
    const found = actual.indexes.get(index);
    if (!found) {
      differences.push(`table ${name}: ${describeIndex(index, expected)} declared in schema.prisma but missing from the database`);
    } else if (describeIndex(index, found) !== describeIndex(index, expected)) {
      differences.push(
        `table ${name}: ${describeIndex(index, found)} in the database, schema.prisma declares ${describeIndex(index, expected)}`,
      );
    }
  }
  for (const [index, found] of actual.indexes) {
    if (!declared.indexes.has(index)) {
      differences.push(`table ${name}: ${describeIndex(index, found)} in the database but not declared in schema.prisma`);
    }
  }

  const declaredKeys = new Map(declared.foreignKeys.map((key) => [describeReference(key, schema), key]));
  const actualKeys = new Map(actual.foreignKeys.map((key) => [describeReference(key, schema), key]));
  for (const [reference, expected] of declaredKeys) {
    const found = actualKeys.get(reference);
    if (!found) {
      differences.push(`table ${name}: foreign key ${reference} ${describeActions(expected)} declared in schema.prisma but missing from the database`);
    } else if (describeActions(found) !== describeActions(expected)) {
      differences.push(
        `table ${name}: foreign key ${reference} is ${describeActions(found)} in the database, schema.prisma declares ${describeActions(expected)}`,
      );
    }
  }
  for (const [reference, found] of actualKeys) {
    if (!declaredKeys.has(reference)) {
      differences.push(`table ${name}: foreign key ${reference} ${describeActions(found)} in the database but not declared in schema.prisma`);
    }
  }
  return differences;
}

function nullability(notNull: boolean): string {
  return notNull ? "NOT NULL" : "nullable";
}

function describeKey(key: { name: string; columns: string[] }): string {
  return `${key.name} (${key.columns.join(", ")})`;
}

function describeIndex(name: string, index: { columns: string[]; unique: boolean }): string {
  return `${index.unique ? "unique index" : "index"} ${name} (${index.columns.join(", ")})`;
}

function describeReference(key: ForeignKeyShape, schema: string): string {
  const target = key.referencedSchema === schema ? key.referencedTable : `${key.referencedSchema}.${key.referencedTable}`;
  return `(${key.columns.join(", ")}) -> ${target} (${key.referencedColumns.join(", ")})`;
}

function describeActions(key: ForeignKeyShape): string {
  return `ON DELETE ${key.onDelete} ON UPDATE ${key.onUpdate}`;
}
