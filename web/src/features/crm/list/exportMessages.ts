import { defineMessages } from "../../../lib/i18n";

export const exportMessages = defineMessages({
  en: {
    exportAll: "Export all (CSV)",
    exporting: "Preparing export…",
    started: "Your CSV download has started.",
  },
  "es-MX": {
    exportAll: "Exportar todo (CSV)",
    exporting: "Preparando exportación…",
    started: "Comenzó la descarga del CSV.",
  },
});
