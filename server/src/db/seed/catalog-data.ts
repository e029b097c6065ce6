/**
 * The reference data every installation starts with. Spanish display names: es-MX is the
 * sales team's working language; keys stay English because integrators filter by them.
 */

/** Countries, Mexico first (it is the default in forms); phone codes without the "+". */
export const LOCALES = [
  { code: "MX", name: "México", phoneCode: "52", phoneDigits: 10, currency: "MXN" },
  { code: "US", name: "Estados Unidos", phoneCode: "1", phoneDigits: 10, currency: "USD" },
  { code: "CA", name: "Canadá", phoneCode: "1", phoneDigits: 10, currency: "CAD" },
  { code: "CO", name: "Colombia", phoneCode: "57", phoneDigits: 10, currency: "COP" },
  { code: "GT", name: "Guatemala", phoneCode: "502", phoneDigits: 8, currency: "GTQ" },
  { code: "ES", name: "España", phoneCode: "34", phoneDigits: 9, currency: "EUR" },
  { code: "CL", name: "Chile", phoneCode: "56", phoneDigits: 9, currency: "CLP" },
  { code: "PE", name: "Perú", phoneCode: "51", phoneDigits: 9, currency: "PEN" },
  { code: "AR", name: "Argentina", phoneCode: "54", phoneDigits: 10, currency: "ARS" },
  { code: "BR", name: "Brasil", phoneCode: "55", phoneDigits: 11, currency: "BRL" },
  { code: "EC", name: "Ecuador", phoneCode: "593", phoneDigits: 9, currency: "USD" },
  { code: "SV", name: "El Salvador", phoneCode: "503", phoneDigits: 8, currency: "USD" },
  { code: "HN", name: "Honduras", phoneCode: "504", phoneDigits: 8, currency: "HNL" },
  { code: "CR", name: "Costa Rica", phoneCode: "506", phoneDigits: 8, currency: "CRC" },
  { code: "PA", name: "Panamá", phoneCode: "507", phoneDigits: 8, currency: "USD" },
  { code: "DO", name: "República Dominicana", phoneCode: "1", phoneDigits: 10, currency: "DOP" },
] as const;

export const ECOMMERCE_TYPES = [
  { key: "shopify", name: "Shopify" },
  { key: "woocommerce", name: "WooCommerce" },
  { key: "mercadolibre", name: "Mercado Libre" },
  { key: "amazon", name: "Amazon" },
  { key: "tiendanube", name: "Tiendanube" },
  { key: "magento", name: "Magento" },
  { key: "vtex", name: "VTEX" },
  { key: "prestashop", name: "PrestaShop" },
  { key: "wix", name: "Wix" },
  { key: "custom", name: "Desarrollo propio" },
  { key: "none", name: "Sin tienda en línea" },
] as const;

/** Decimal columns: kept as strings so MySQL and SQLite store the same text. */
export const WEIGHT_RANGES = [
  { name: "0–1 kg", minKg: "0.00", maxKg: "1.00" },
  { name: "1–5 kg", minKg: "1.00", maxKg: "5.00" },
  { name: "5–10 kg", minKg: "5.00", maxKg: "10.00" },
  { name: "10–20 kg", minKg: "10.00", maxKg: "20.00" },
  { name: "20–30 kg", minKg: "20.00", maxKg: "30.00" },
  { name: "30–50 kg", minKg: "30.00", maxKg: "50.00" },
  { name: "50–70 kg", minKg: "50.00", maxKg: "70.00" },
  { name: "70+ kg", minKg: "70.00", maxKg: null },
] as const;

export const CONTENT_TYPES = [
  "Documentos",
  "Ropa y calzado",
  "Electrónica",
  "Cosméticos y cuidado personal",
  "Alimentos y bebidas",
  "Autopartes",
  "Medicamentos y suplementos",
  "Libros y papelería",
  "Hogar y decoración",
  "Juguetes",
  "Joyería y accesorios",
  "Artículos deportivos",
  "Refacciones industriales",
  "Otros",
] as const;

export const MONTHLY_SHIPMENT_RANGES = [
  { name: "1–50", minShipments: 1, maxShipments: 50 },
  { name: "51–200", minShipments: 51, maxShipments: 200 },
  { name: "201–500", minShipments: 201, maxShipments: 500 },
  { name: "501–1,000", minShipments: 501, maxShipments: 1000 },
  { name: "1,001–5,000", minShipments: 1001, maxShipments: 5000 },
  { name: "5,000+", minShipments: 5001, maxShipments: null },
] as const;

/** follow_up_data.channel references catalog_channels.key. */
export const CHANNELS = [
  { key: "website", name: "Sitio web" },
  { key: "referral", name: "Referido" },
  { key: "whatsapp", name: "WhatsApp" },
  { key: "facebook", name: "Facebook" },
  { key: "instagram", name: "Instagram" },
  { key: "google_ads", name: "Google Ads" },
  { key: "linkedin", name: "LinkedIn" },
  { key: "email_campaign", name: "Campaña de correo" },
  { key: "event", name: "Evento / Expo" },
  { key: "cold_call", name: "Llamada en frío" },
  { key: "partner", name: "Aliado comercial" },
  { key: "csv_import", name: "Importación CSV" },
  { key: "other", name: "Otro" },
] as const;

export interface StatusSeed {
  name: string;
  color: string;
  outcome: "won" | "lost" | null;
}

/** Groups (parent_id NULL) in Kanban order, each with its statuses (the columns) in order. */
export const FOLLOW_UP_STATUS_GROUPS: ReadonlyArray<{ name: string; color: string; statuses: readonly StatusSeed[] }> = [
  {
    name: "Nuevo",
    color: "#6366F1",
    statuses: [
      { name: "Nuevo lead", color: "#818CF8", outcome: null },
      { name: "Sin contactar", color: "#A5B4FC", outcome: null },
    ],
  },
  {
    name: "Contactado",
    color: "#0EA5E9",
    statuses: [
      { name: "Primer contacto", color: "#38BDF8", outcome: null },
      { name: "Seguimiento", color: "#0284C7", outcome: null },
    ],
  },
  {
    name: "Calificado",
    color: "#F59E0B",
    statuses: [
      { name: "Calificado", color: "#FBBF24", outcome: null },
      { name: "Propuesta enviada", color: "#F59E0B", outcome: null },
      { name: "Negociación", color: "#D97706", outcome: null },
    ],
  },
  {
    name: "Cerrado",
    color: "#10B981",
    statuses: [
      { name: "Ganado", color: "#16A34A", outcome: "won" },
      { name: "Perdido", color: "#DC2626", outcome: "lost" },
    ],
  },
];
