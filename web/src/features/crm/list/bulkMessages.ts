import { defineMessages } from "../../../lib/i18n";

/** `n` picks singular or plural; `count` is `n` formatted for the locale. */
type Counted = (n: number, count: string) => string;

const en: Readonly<Record<"moved" | "assigned" | "removed" | "exported" | "removeTitle", Counted>> = {
  moved: (n, count) => (n === 1 ? "Moved 1 account." : `Moved ${count} accounts.`),
  assigned: (n, count) => (n === 1 ? "Assigned 1 account." : `Assigned ${count} accounts.`),
  removed: (n, count) => (n === 1 ? "Removed 1 account." : `Removed ${count} accounts.`),
  exported: (n, count) => (n === 1 ? "Exported 1 account." : `Exported ${count} accounts.`),
  removeTitle: (n, count) => (n === 1 ? "Remove 1 account?" : `Remove ${count} accounts?`),
};

const es: typeof en = {
  moved: (n, count) => (n === 1 ? "Se movió 1 cuenta." : `Se movieron ${count} cuentas.`),
  assigned: (n, count) => (n === 1 ? "Se asignó 1 cuenta." : `Se asignaron ${count} cuentas.`),
  removed: (n, count) => (n === 1 ? "Se eliminó 1 cuenta." : `Se eliminaron ${count} cuentas.`),
  exported: (n, count) => (n === 1 ? "Se exportó 1 cuenta." : `Se exportaron ${count} cuentas.`),
  removeTitle: (n, count) => (n === 1 ? "¿Eliminar 1 cuenta?" : `¿Eliminar ${count} cuentas?`),
};

export const bulkMessages = defineMessages({
  en: {
    ...en,
    label: "Actions on selected accounts",
    selected: (count: string) => `${count} selected`,
    moveTo: "Move to status…",
    move: "Move",
    assignTo: "Assign to…",
    assign: "Assign",
    remove: "Remove",
    removeBody: "Removed accounts leave the pipeline; they can be restored from the side panel.",
    failed: (n: number, count: string, reason: string) =>
      n === 1 ? `1 account could not be changed: ${reason}` : `${count} accounts could not be changed: ${reason}`,
    export: "Export CSV",
  },
  "es-MX": {
    ...es,
    label: "Acciones sobre las cuentas seleccionadas",
    selected: (count) => `${count} seleccionadas`,
    moveTo: "Mover a estatus…",
    move: "Mover",
    assignTo: "Asignar a…",
    assign: "Asignar",
    remove: "Eliminar",
    removeBody: "Las cuentas eliminadas salen del pipeline; se pueden restaurar desde el panel lateral.",
    failed: (n, count, reason) =>
      n === 1 ? `No se pudo cambiar 1 cuenta: ${reason}` : `No se pudieron cambiar ${count} cuentas: ${reason}`,
    export: "Exportar CSV",
  },
});
