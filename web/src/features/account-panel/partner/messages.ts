import { defineMessages } from "../../../lib/i18n";

export const partnerMessages = defineMessages({
  en: {
    url: "Website",
    rating: "Rating",
    ratingNone: "Not rated",
    stars: (n: number) => `${n} of 5`,
    socialNetwork: "Social network",
    comments: "Comments",
    saved: "Partner data saved.",
    invalidUrl: "Enter a web address starting with http:// or https://.",
  },
  "es-MX": {
    url: "Sitio web",
    rating: "Calificación",
    ratingNone: "Sin calificar",
    stars: (n) => `${n} de 5`,
    socialNetwork: "Red social",
    comments: "Comentarios",
    saved: "Datos de socio guardados.",
    invalidUrl: "Escribe una dirección web que empiece con http:// o https://.",
  },
});
