import type { Catalogs } from "../catalogs/catalog.types";
import type { FieldErrors } from "../accounts/prospect-rules";
import { followUpDataChanges } from "./follow-up-data.rules";

// Only the catalog lists the rules read; the account value checks read none.
const catalogs = { channels: [], ecommerceTypes: [], weightRanges: [], contentTypes: [] } as unknown as Catalogs;

describe("followUpDataChanges accountValue", () => {
  it.each([
    [-5, "must be 0 or more"],
    [2e12, "must be less than 1000000000000"],
  ])("should say what is wrong with %s", (accountValue, message) => {
    const errors: FieldErrors = {};
    followUpDataChanges({ accountValue }, catalogs, errors, "followUpData.");
    expect(errors).toEqual({ "followUpData.accountValue": message });
  });

  it("should accept and round a value in range to centavos", () => {
    const errors: FieldErrors = {};
    expect(followUpDataChanges({ accountValue: 999_999_999_999.994 }, catalogs, errors)).toEqual({ accountValue: 999_999_999_999.99 });
    expect(errors).toEqual({});
  });
});
