import { defineMessages } from "../../../lib/i18n";

export const bulkMessages = defineMessages({
  en: {
    label: "Actions on selected accounts",
    selected: (count: string) => `${count} selected`,
    export: "Export CSV",
    exported: (count: string) => `Exported ${count} accounts.`,
  },
  "es-MX": {
    label: "Acciones sobre las cuentas seleccionadas",
    selected: (count) => `${count} seleccionadas`,
    export: "Exportar CSV",
    exported: (count) => `Se exportaron ${count} cuentas.`,
  },
});
