import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { toGlobalId } from "../../graphql/global-id";
import { User } from "../auth/auth.types";
import type { UserEntity } from "../auth/user.entity";
import type { ImportEntity, ImportRowEntity } from "./import.entities";
import type { ImportPage } from "./import.service";
import {
  CommitImportInput,
  CsvImport,
  CsvImportConnection,
  CsvImportRowConnection,
  CsvImportRowState,
  type CsvImportRow,
} from "./import.types";

/** A stored row as the graph shows it; the duplicate and created accounts only when the viewer may see them. */
function toRow(row: ImportRowEntity, visible: ReadonlySet<number>): CsvImportRow {
  const duplicate = row.duplicateOfId !== null || row.duplicateOfRow !== null;
  return {
    rowNumber: row.rowNumber,
    state: row.state as CsvImportRowState,
    values: Object.entries(row.data).map(([column, value]) => ({ column, value })),
    errors: row.errors ?? [],
    duplicateOf: duplicate
      ? {
          row: row.duplicateOfRow,
          accountExists: row.duplicateOfId !== null,
          accountId: row.duplicateOfId !== null && visible.has(row.duplicateOfId) ? toGlobalId("Account", row.duplicateOfId) : null,
        }
      : null,
    prospectId: row.prospectId !== null && visible.has(row.prospectId) ? toGlobalId("Account", row.prospectId) : null,
  };
}

@Resolver(() => CsvImport)
export class ImportResolver {
  @Query(() => CsvImport, { description: "One CSV import (status, progress, counts); yours, or anyone's with crm-manager / all-prospects" })
  csvImport(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<ImportEntity> {
    return ctx.services.imports.get(ctx.requireViewer(), id);
  }

  @Query(() => CsvImportConnection, { description: "Your CSV imports (everyone's with crm-manager / all-prospects), newest first" })
  csvImports(
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 1 to 100 (default 25)" }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<ImportPage> {
    return ctx.services.imports.list(ctx.requireViewer(), { first, after });
  }

  @Mutation(() => CsvImport, { description: "Creates the prospects of a validated import in the background (poll csvImport for progress); idempotent" })
  commitImport(@Arg("input") input: CommitImportInput, @Ctx() ctx: Context): Promise<ImportEntity> {
    return ctx.services.imports.commit(ctx.requireViewer(), input);
  }

  @FieldResolver(() => ID)
  id(@Root() importRow: ImportEntity): string {
    return toGlobalId("CsvImport", importRow.id);
  }

  @FieldResolver(() => [String])
  unmappedColumns(@Root() importRow: ImportEntity): string[] {
    return importRow.unmappedColumns ?? [];
  }

  @FieldResolver(() => User, { nullable: true, description: "Who uploaded the file" })
  user(@Root() importRow: ImportEntity, @Ctx() ctx: Context): Promise<UserEntity | null> {
    return ctx.loaders.usersById.load(importRow.userId);
  }

  @FieldResolver(() => CsvImportRowConnection, { description: "The rows with their problems, by row number" })
  async rows(
    @Root() importRow: ImportEntity,
    @Ctx() ctx: Context,
    @Arg("states", () => [CsvImportRowState], { nullable: true, description: "Only rows in these states" }) states?: CsvImportRowState[],
    @Arg("first", () => Int, { nullable: true, description: "Page size, 1 to 100 (default 25)" }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<CsvImportRowConnection & { totalCount: number }> {
    const page = await ctx.services.imports.rows(ctx.requireViewer(), importRow, { states, first, after });
    return {
      edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toRow(edge.node, page.visibleAccountIds) })),
      pageInfo: page.pageInfo,
      totalCount: await page.totalCount(),
    };
  }
}
