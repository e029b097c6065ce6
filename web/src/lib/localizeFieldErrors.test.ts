import { localizeFieldErrors, localizeFieldMessage } from "./localizeFieldErrors";

const es = {
  required: "Obligatorio.",
  tooLong: (max: number) => `Máximo ${max} caracteres.`,
  email: "Escribe un correo válido.",
  phoneDigits: (digits: number, code: string) => `Los números de +${code} tienen ${digits} dígitos.`,
  unknownPhoneCode: "No es la lada de un país donde vendemos.",
  taxId: "Escribe un RFC válido.",
};

describe("localizeFieldErrors", () => {
  it("should replace each recognised server rule with the form's own message, with its numbers", () => {
    expect(
      localizeFieldErrors(
        {
          name: "is required",
          companyName: "must be at most 191 characters",
          email: "must be a valid email address",
          phone: "must have 10 digits for +52",
          phoneCode: "+99 is not the phone code of a known locale",
          "company.taxId": "must be an RFC (12 or 13 characters)",
        },
        es,
      ),
    ).toEqual({
      name: "Obligatorio.",
      companyName: "Máximo 191 caracteres.",
      email: "Escribe un correo válido.",
      phone: "Los números de +52 tienen 10 dígitos.",
      phoneCode: "No es la lada de un país donde vendemos.",
      "company.taxId": "Escribe un RFC válido.",
    });
  });

  it("should keep the server's text for rules the form does not mirror", () => {
    expect(localizeFieldErrors({ localeId: "7 is not a locale", scheduledDate: "must be a valid date" }, es)).toEqual({
      localeId: "7 is not a locale",
      scheduledDate: "must be a valid date",
    });
  });

  it("should prefer a field's own messages over the form-wide ones", () => {
    expect(localizeFieldErrors({ comment: "is required", name: "is required" }, es, { comment: { required: "Escribe la nota." } })).toEqual({
      comment: "Escribe la nota.",
      name: "Obligatorio.",
    });
  });

  it("should recognise a minimum length with its number", () => {
    expect(localizeFieldMessage("must be at least 10 characters", { tooShort: (min) => `Mínimo ${min} caracteres.` })).toBe("Mínimo 10 caracteres.");
  });

  it("should accept a fixed tooLong message as well as a function", () => {
    expect(localizeFieldMessage("must be at most 5000 characters", { tooLong: "Máximo 5000 caracteres." })).toBe("Máximo 5000 caracteres.");
  });
});
