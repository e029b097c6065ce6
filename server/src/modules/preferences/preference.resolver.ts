import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { SaveTablePreferencesInput, TablePreferences, TableViewValue } from "./preference.types";

@Resolver(() => TablePreferences)
export class PreferenceResolver {
  @Query(() => TablePreferences, { description: "The viewer's columns, filters and sort for a view (defaults until saved)" })
  tablePreferences(@Arg("view", () => TableViewValue) view: TableViewValue, @Ctx() ctx: Context): Promise<TablePreferences> {
    return ctx.services.preferences.get(ctx.requireViewer(), view);
  }

  @Mutation(() => TablePreferences, { description: "Saves the viewer's columns, filters and sort for a view, validated against the known columns" })
  saveTablePreferences(@Arg("input", () => SaveTablePreferencesInput) input: SaveTablePreferencesInput, @Ctx() ctx: Context): Promise<TablePreferences> {
    return ctx.services.preferences.save(ctx.requireViewer(), input);
  }
}
