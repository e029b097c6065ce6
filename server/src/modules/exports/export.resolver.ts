import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { AccountExport, ExportAccountsInput } from "./export.types";

@Resolver()
export class ExportResolver {
  @Mutation(() => AccountExport, { description: "Checks an accounts CSV export and returns a signed download link valid for 5 minutes" })
  exportAccounts(@Arg("input", () => ExportAccountsInput) input: ExportAccountsInput, @Ctx() ctx: Context): Promise<AccountExport> {
    return ctx.services.accountExports.link(ctx.requireViewer(), input);
  }
}
