import type { ValueTransformer } from "typeorm";

/** MySQL returns DECIMAL as a string; the graph wants numbers (amounts are MXN with 2 decimals). */
export const decimalToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};
