import type { NoteAction } from "../../modules/notes/note.entities";
import type { Prng } from "./prng";

/** Word lists for realistic Mexican demo data: people, businesses, cities, addresses, notes. */

const FIRST_NAMES = [
  "María Fernanda", "José Luis", "Guadalupe", "Juan Carlos", "Ana Sofía", "Luis Ángel", "Alejandra", "Miguel Ángel",
  "Daniela", "Jesús", "Ximena", "Francisco", "Mariana", "Alejandro", "Verónica", "Ricardo", "Paola", "Fernando",
  "Andrea", "Eduardo", "Gabriela", "Sergio", "Claudia", "Héctor", "Karla", "Raúl", "Itzel", "Óscar", "Renata",
  "Arturo", "Citlali", "Rodrigo", "Leticia", "Emiliano", "Rocío", "Jorge", "Valeria", "Martín", "Patricia", "Iván",
] as const;

const SURNAMES = [
  "Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez", "Ramírez", "Cruz",
  "Flores", "Gómez", "Morales", "Vázquez", "Jiménez", "Reyes", "Díaz", "Torres", "Gutiérrez", "Ruiz", "Mendoza",
  "Aguilar", "Ortiz", "Castillo", "Moreno", "Romero", "Álvarez", "Chávez", "Ramos", "Herrera", "Medina", "Vargas",
  "Castro", "Guzmán", "Fernández", "Juárez", "Domínguez", "Salazar", "Núñez", "Ibarra", "Zúñiga", "Villaseñor",
] as const;

const BUSINESS_KINDS = [
  "Logística", "Distribuidora", "Comercializadora", "Importaciones", "Exportadora", "Textiles", "Grupo", "Abarrotes",
  "Farmacias", "Mueblería", "Refaccionaria", "Autopartes", "Cosméticos", "Papelería", "Ferretería", "Electrónica",
  "Boutique", "Alimentos", "Mensajería", "Artesanías", "Joyería", "Dulcería", "Café", "Calzado", "Suministros",
] as const;

const BUSINESS_NAMES = [
  "del Bajío", "del Norte", "del Pacífico", "del Sureste", "Azteca", "Maya", "Quetzal", "La Esperanza", "San Miguel",
  "Santa Fe", "El Águila", "Sierra Madre", "Huasteca", "Los Altos", "Monarca", "Jaguar", "Nogal", "Agave", "Cenote",
  "La Perla", "Citlali", "Xóchitl", "Peninsular", "Regiomontana", "Tapatía", "Poblana", "Oaxaqueña", "Yucateca",
  "Jarocha", "Norteña", "Mexicana", "Imperial", "Continental", "Anáhuac", "Tonalá", "Chapultepec", "Mazatlán",
] as const;

const LEGAL_FORMS = ["S.A. de C.V.", "S. de R.L. de C.V.", "S.A.P.I. de C.V.", "S.C."] as const;

const PERSONAL_EMAIL_DOMAINS = ["gmail.com", "hotmail.com", "outlook.com", "yahoo.com.mx", "icloud.com"] as const;

const JOB_TITLES = [
  "Director General", "Gerente de Logística", "Coordinadora de Compras", "Jefe de Almacén", "Gerente de Operaciones",
  "Dueño", "Encargada de envíos", "Contador", "Gerente de e-commerce", "Asistente administrativa", "Director Comercial",
  "Supervisor de Tráfico", "Jefa de Atención a Clientes", "Socio fundador",
] as const;

/** City, state, postal code prefix and the phone area code (lada) that goes with it. */
export interface City {
  city: string;
  state: string;
  postalPrefix: string;
  lada: string;
}

const CITIES: readonly City[] = [
  { city: "Ciudad de México", state: "Ciudad de México", postalPrefix: "0", lada: "55" },
  { city: "Guadalajara", state: "Jalisco", postalPrefix: "44", lada: "33" },
  { city: "Zapopan", state: "Jalisco", postalPrefix: "45", lada: "33" },
  { city: "Monterrey", state: "Nuevo León", postalPrefix: "64", lada: "81" },
  { city: "San Pedro Garza García", state: "Nuevo León", postalPrefix: "66", lada: "81" },
  { city: "Puebla", state: "Puebla", postalPrefix: "72", lada: "222" },
  { city: "Santiago de Querétaro", state: "Querétaro", postalPrefix: "76", lada: "442" },
  { city: "León", state: "Guanajuato", postalPrefix: "37", lada: "477" },
  { city: "Celaya", state: "Guanajuato", postalPrefix: "38", lada: "461" },
  { city: "Aguascalientes", state: "Aguascalientes", postalPrefix: "20", lada: "449" },
  { city: "San Luis Potosí", state: "San Luis Potosí", postalPrefix: "78", lada: "444" },
  { city: "Tijuana", state: "Baja California", postalPrefix: "22", lada: "664" },
  { city: "Mérida", state: "Yucatán", postalPrefix: "97", lada: "999" },
  { city: "Cancún", state: "Quintana Roo", postalPrefix: "77", lada: "998" },
  { city: "Toluca", state: "Estado de México", postalPrefix: "50", lada: "722" },
  { city: "Tlalnepantla de Baz", state: "Estado de México", postalPrefix: "54", lada: "55" },
  { city: "Naucalpan de Juárez", state: "Estado de México", postalPrefix: "53", lada: "55" },
  { city: "Hermosillo", state: "Sonora", postalPrefix: "83", lada: "662" },
  { city: "Chihuahua", state: "Chihuahua", postalPrefix: "31", lada: "614" },
  { city: "Ciudad Juárez", state: "Chihuahua", postalPrefix: "32", lada: "656" },
  { city: "Veracruz", state: "Veracruz", postalPrefix: "91", lada: "229" },
  { city: "Culiacán", state: "Sinaloa", postalPrefix: "80", lada: "667" },
  { city: "Morelia", state: "Michoacán", postalPrefix: "58", lada: "443" },
  { city: "Oaxaca de Juárez", state: "Oaxaca", postalPrefix: "68", lada: "951" },
  { city: "Saltillo", state: "Coahuila", postalPrefix: "25", lada: "844" },
  { city: "Torreón", state: "Coahuila", postalPrefix: "27", lada: "871" },
];

const STREETS = [
  "Av. Insurgentes Sur", "Paseo de la Reforma", "Calle Miguel Hidalgo", "Av. Benito Juárez", "Calle José María Morelos",
  "Blvd. Adolfo López Mateos", "Av. Vallarta", "Av. Constitución", "Calle 5 de Mayo", "Av. Revolución",
  "Calzada de Tlalpan", "Av. Universidad", "Calle Ignacio Allende", "Av. Lázaro Cárdenas", "Blvd. Manuel Ávila Camacho",
  "Calle Ignacio Zaragoza", "Av. de las Industrias", "Calle Niños Héroes", "Av. Chapultepec", "Av. Patria",
] as const;

const NEIGHBORHOODS = [
  "Centro", "Zona Industrial", "Del Valle", "Jardines del Bosque", "San José", "Santa María", "Lomas Verdes",
  "Parque Industrial", "Moderna", "Americana", "Obrera", "Providencia", "Roma Norte", "Polanco", "Chapultepec",
  "Los Pinos", "Las Flores", "Residencial del Valle", "Valle Oriente", "Industrial Vallejo",
] as const;

const NOTE_TEMPLATES: Record<NoteAction, readonly string[]> = {
  call: [
    "Llamada con {contact}: le interesa cotizar envíos nacionales.",
    "Llamé y no contestó; se deja mensaje de voz.",
    "Llamada de seguimiento: pide tarifas para envíos a {city}.",
    "Revisamos volumen mensual y tipo de mercancía por teléfono.",
  ],
  whatsapp: [
    "Se envió la presentación comercial por WhatsApp.",
    "Responde por WhatsApp que revisará la propuesta con su socio.",
    "Mensaje de WhatsApp para agendar una llamada.",
    "Comparte fotos del empaque por WhatsApp para calcular peso volumétrico.",
  ],
  email: [
    "Se envió cotización por correo.",
    "Correo con propuesta de tarifas preferenciales.",
    "Envió su constancia de situación fiscal para el alta.",
    "Correo de seguimiento sin respuesta.",
  ],
  meeting: [
    "Videollamada para presentar la plataforma.",
    "Visita a su bodega en {city}.",
    "Reunión con el área de compras; piden una prueba piloto.",
    "Demo de la integración con {ecommerce}.",
  ],
  sms: ["SMS recordatorio de la cita.", "SMS con la liga de registro.", "SMS para confirmar datos de recolección."],
  other: [
    "Se actualizó la información de la cuenta.",
    "Se registró en la plataforma.",
    "Pendiente definir fecha de arranque.",
    "Solicita factura de la prueba piloto.",
  ],
};

const REMINDER_TEXTS = [
  "Llamar para confirmar la propuesta",
  "Enviar cotización actualizada",
  "Dar seguimiento a la prueba piloto",
  "Confirmar recolección del primer envío",
  "Revisar contrato con jurídico",
  "Agendar visita a bodega",
  "Pedir constancia de situación fiscal",
] as const;

const ANNOTATIONS = [
  "Interesados en envíos nacionales y última milla en {city}.",
  "Hoy trabajan con otra paquetería; buscan mejor tarifa.",
  "Temporada alta en noviembre y diciembre (Buen Fin).",
  "Requieren recolección diaria en su bodega.",
  "Piden integración con {ecommerce} para generar guías.",
] as const;

/** Lowercase ASCII letters and digits only: for emails, URLs and social handles. */
export function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

export function personName(rng: Prng): { first: string; full: string; surname: string } {
  const first = rng.pick(FIRST_NAMES);
  const surname = rng.pick(SURNAMES);
  return { first, surname, full: `${first} ${surname} ${rng.pick(SURNAMES)}` };
}

/** A trade name ("Logística del Bajío"); `legal` adds the company form, as registered companies have. */
export function businessName(rng: Prng, legal = false): string {
  const name = `${rng.pick(BUSINESS_KINDS)} ${rng.pick(BUSINESS_NAMES)}`;
  return legal ? `${name} ${rng.pick(LEGAL_FORMS)}` : name;
}

/** The domain a business would use: trade name without its legal form. */
export function businessDomain(companyName: string): string {
  const tradeName = LEGAL_FORMS.reduce((name, form) => name.replace(` ${form}`, ""), companyName);
  return `${slug(tradeName)}.com.mx`;
}

export function email(rng: Prng, person: { first: string; surname: string }, domain: string | null): string {
  const local = `${slug(person.first.split(" ")[0] ?? person.first)}.${slug(person.surname)}`;
  return domain ? `${local}@${domain}` : `${local}${rng.int(1, 99)}@${rng.pick(PERSONAL_EMAIL_DOMAINS)}`;
}

/** A national number of `digits` digits; Mexican numbers start with the city's lada. */
export function phoneNumber(rng: Prng, digits: number, lada: string | null): string {
  const prefix = lada ?? "";
  return prefix + rng.digits(digits - prefix.length);
}

/** RFC of a company (persona moral): 3 letters, yymmdd, 3-character homoclave. */
export function taxId(rng: Prng, companyName: string): string {
  const letters = slug(companyName).toUpperCase().replace(/[0-9]/g, "").padEnd(3, "X").slice(0, 3);
  const date = `${String(rng.int(0, 23)).padStart(2, "0")}${String(rng.int(1, 12)).padStart(2, "0")}${String(rng.int(1, 28)).padStart(2, "0")}`;
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
  const homoclave = Array.from({ length: 3 }, () => alphabet[rng.int(0, alphabet.length - 1)]).join("");
  return `${letters}${date}${homoclave}`;
}

export function city(rng: Prng): City {
  return rng.pick(CITIES);
}

export function address(rng: Prng, where: City): { street: string; exteriorNumber: string; interiorNumber: string | null; neighborhood: string; postalCode: string } {
  return {
    street: rng.pick(STREETS),
    exteriorNumber: String(rng.int(1, 4999)),
    interiorNumber: rng.chance(0.3) ? `${rng.pick(["Local", "Int.", "Bodega", "Piso"])} ${rng.int(1, 40)}` : null,
    neighborhood: rng.pick(NEIGHBORHOODS),
    postalCode: (where.postalPrefix + rng.digits(5)).slice(0, 5),
  };
}

export function jobTitle(rng: Prng): string {
  return rng.pick(JOB_TITLES);
}

export function noteText(rng: Prng, action: NoteAction, context: { contact: string; city: string; ecommerce: string }): string {
  return fill(rng.pick(NOTE_TEMPLATES[action]), context);
}

export function reminderText(rng: Prng): string {
  return rng.pick(REMINDER_TEXTS);
}

export function annotation(rng: Prng, context: { city: string; ecommerce: string }): string {
  return fill(rng.pick(ANNOTATIONS), context);
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}
