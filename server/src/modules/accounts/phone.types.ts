import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "A phone number: country calling code and national number" })
export class Phone {
  @Field(() => String, { description: "Country calling code without +, e.g. 52" }) code!: string;
  @Field(() => String, { description: "National number, digits only" }) number!: string;
  @Field(() => String, { description: "E.164, e.g. +525512345678" }) e164!: string;
}

/** The Phone of a stored code + number pair, or null when there is no number. */
export function toPhone(code: string | null, number: string | null): Phone | null {
  if (!number) {
    return null;
  }
  const cleanCode = (code ?? "").replace(/\D/g, "");
  const cleanNumber = number.replace(/\D/g, "");
  return { code: cleanCode, number: cleanNumber, e164: `+${cleanCode}${cleanNumber}` };
}
