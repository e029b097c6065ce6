import { companyNameKey } from "./company-name-key";

describe("companyNameKey", () => {
  it.each([
    ["Logística del Bajío", "logistica del bajio"],
    ["LOGISTICA DEL BAJIO", "logistica del bajio"],
    ["  Logística   del-Bajío, S.A. de C.V. ", "logistica del bajio s a de c v"],
    ["Peñasco Envíos", "penasco envios"],
    ["Ünïcödé  Ltd.", "unicode ltd"],
  ])("should fold %j to %j", (name, key) => {
    expect(companyNameKey(name)).toBe(key);
  });

  it("should tell different names apart", () => {
    expect(companyNameKey("Envíos Rápidos")).not.toBe(companyNameKey("Envíos Rapidez"));
  });
});
