/**
 * A Parquet file written a row group at a time (hyparquet-writer, pure JavaScript): memory holds
 * one group's rows. Groups are cut by row count, so the same rows make the same bytes.
 */
import { ParquetWriter, fileWriter } from 'hyparquet-writer';
import { COLUMNS, type DocumentRecord, type OccurrenceRecord, type Table } from './dataset';

const ROW_GROUP = 65_536;

export class ParquetTable<R extends OccurrenceRecord | DocumentRecord> {
  private readonly writer: ParquetWriter;
  private rows: R[] = [];
  private readonly columns: (typeof COLUMNS)[Table];

  constructor(path: string, table: Table, createdBy: string) {
    this.columns = COLUMNS[table];
    this.writer = new ParquetWriter({
      writer: fileWriter(path),
      schema: [
        { name: 'root', num_children: this.columns.length },
        ...this.columns.map((c) => ({
          name: c.name,
          ...(c.type === 'STRING' ? { type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const } : { type: 'INT32' as const }),
          repetition_type: c.nullable ? ('OPTIONAL' as const) : ('REQUIRED' as const),
        })),
      ],
      createdBy,
    });
  }

  async add(row: R): Promise<void> {
    this.rows.push(row);
    if (this.rows.length >= ROW_GROUP) await this.writeGroup();
  }

  async close(): Promise<void> {
    await this.writeGroup();
    await this.writer.finish();
  }

  private async writeGroup(): Promise<void> {
    if (this.rows.length === 0) return;
    const rows = this.rows as unknown as Record<string, unknown>[];
    this.rows = [];
    // hyparquet-writer's file writer is synchronous; the promise is for writers that flush later.
    await this.writer.write({
      columnData: this.columns.map((c) => ({ name: c.name, data: rows.map((row) => row[c.name]) })),
      rowGroupSize: rows.length,
    });
  }
}
