import { countActiveFilters, emptyCrmFilters, readCrmUrlState, toAccountFilter, updateCrmParams } from "./crmUrlState";

describe("readCrmUrlState", () => {
  it("should read every filter, the search, the sort and the open account when the URL has them", () => {
    const state = readCrmUrlState(
      new URLSearchParams(
        "view=list&q=%20acme%20&status=1,2&state=REMOVED&type=CLIENT,PROSPECT&ecommerce=3&size=SME&channel=web,phone" +
          "&country=1&salesman=VXNlcjox&role=KAE&from=2025-01-01&to=2025-01-31&sort=-companyName&account=Prospect:1&fromImport=Q3N2SW1wb3J0Ojc",
      ),
    );
    expect(state).toEqual({
      view: "list",
      search: "acme",
      filters: {
        statusIds: [1, 2],
        accountStatuses: ["REMOVED"],
        types: ["CLIENT", "PROSPECT"],
        ecommerceTypeIds: [3],
        accountSizes: ["SME"],
        channels: ["web", "phone"],
        localeIds: [1],
        salesmanIds: ["VXNlcjox"],
        salesRoles: ["KAE"],
        createdFrom: "2025-01-01",
        createdTo: "2025-01-31",
        importId: "Q3N2SW1wb3J0Ojc",
      },
      sort: { field: "COMPANY_NAME", direction: "DESC" },
      accountId: "Prospect:1",
    });
  });

  it("should drop values that are not valid when the URL was edited by hand", () => {
    const state = readCrmUrlState(new URLSearchParams("status=1,x,-2,1&type=NOPE,CLIENT&from=yesterday&sort=-password&size="));
    expect(state.filters.statusIds).toEqual([1]);
    expect(state.filters.types).toEqual(["CLIENT"]);
    expect(state.filters.createdFrom).toBeNull();
    expect(state.filters.accountSizes).toEqual([]);
    expect(state.sort).toBeNull();
  });

  it("should give empty filters when the URL has none", () => {
    expect(readCrmUrlState(new URLSearchParams())).toEqual({
      view: null,
      search: "",
      filters: emptyCrmFilters,
      sort: null,
      accountId: null,
    });
  });
});

describe("updateCrmParams", () => {
  it("should round-trip filters and keep parameters it does not own", () => {
    const filters = { ...emptyCrmFilters, types: ["CLIENT" as const], statusIds: [4, 5], createdTo: "2025-02-01" };
    const params = updateCrmParams(new URLSearchParams("tab=notes&type=PROSPECT"), {
      filters,
      sort: { field: "CREATED_AT", direction: "ASC" },
      search: "  ana ",
    });
    expect(params.get("tab")).toBe("notes");
    expect(params.get("sort")).toBe("createdAt");
    expect(params.get("q")).toBe("ana");
    expect(readCrmUrlState(params).filters).toEqual(filters);
  });

  it("should remove a parameter when its value is cleared", () => {
    const params = updateCrmParams(new URLSearchParams("q=ana&account=Client:1&type=CLIENT"), {
      search: "",
      accountId: null,
      filters: emptyCrmFilters,
    });
    expect(params.toString()).toBe("");
  });
});

describe("the fromImport filter", () => {
  it("should read ?fromImport= apart from the import panel's ?import=, and write it back", () => {
    const state = readCrmUrlState(new URLSearchParams("import=Q3N2SW1wb3J0Ojg&fromImport=Q3N2SW1wb3J0Ojc"));
    expect(state.filters).toEqual({ ...emptyCrmFilters, importId: "Q3N2SW1wb3J0Ojc" });
    const written = updateCrmParams(new URLSearchParams("import=Q3N2SW1wb3J0Ojg&view=list"), { filters: state.filters });
    expect(written.toString()).toBe("import=Q3N2SW1wb3J0Ojg&view=list&fromImport=Q3N2SW1wb3J0Ojc");
    expect(readCrmUrlState(written).filters.importId).toBe("Q3N2SW1wb3J0Ojc");
  });

  it("should ignore an empty ?fromImport= and remove the parameter when the filter is cleared", () => {
    expect(readCrmUrlState(new URLSearchParams("fromImport=")).filters.importId).toBeNull();
    expect(readCrmUrlState(new URLSearchParams("fromImport=%20%20")).filters.importId).toBeNull();
    const cleared = updateCrmParams(new URLSearchParams("view=list&fromImport=Q3N2SW1wb3J0Ojc"), { filters: emptyCrmFilters });
    expect(cleared.toString()).toBe("view=list");
  });

  it("should send importId to the server for every user and count it as an active filter", () => {
    const filters = { ...emptyCrmFilters, importId: "Q3N2SW1wb3J0Ojc" };
    expect(toAccountFilter("", filters, false)).toEqual({ importId: "Q3N2SW1wb3J0Ojc" });
    expect(toAccountFilter("ana", filters, true)).toEqual({ search: "ana", importId: "Q3N2SW1wb3J0Ojc" });
    expect(countActiveFilters(filters, false)).toBe(1);
  });
});

describe("toAccountFilter", () => {
  const managerFilters = {
    ...emptyCrmFilters,
    types: ["CLIENT" as const],
    salesmanIds: ["VXNlcjox"],
    salesRoles: ["KAE" as const],
    createdFrom: "2025-01-01",
  };

  it("should return undefined when nothing is picked", () => {
    expect(toAccountFilter("", emptyCrmFilters, true)).toBeUndefined();
  });

  it("should keep the manager filters for all-prospects users, with the day range in local time", () => {
    const filter = toAccountFilter("ana", managerFilters, true);
    expect(filter).toEqual({
      search: "ana",
      types: ["CLIENT"],
      salesmanIds: ["VXNlcjox"],
      salesRoles: ["KAE"],
      createdAt: { from: new Date(2025, 0, 1).toISOString(), to: undefined },
    });
  });

  it("should drop the manager filters when the viewer lacks all-prospects", () => {
    expect(toAccountFilter("", managerFilters, false)).toEqual({ types: ["CLIENT"] });
    expect(countActiveFilters(managerFilters, false)).toBe(1);
    expect(countActiveFilters(managerFilters, true)).toBe(4);
  });
});
