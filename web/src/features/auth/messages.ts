import { defineMessages } from "../../lib/i18n";

export const authMessages = defineMessages({
  en: {
    login: {
      title: "Sign in",
      email: "Email",
      password: "Password",
      submit: "Sign in",
      submitting: "Signing in…",
      invalidCredentials: "Wrong email or password.",
    },
    logout: "Sign out",
    loggingOut: "Signing out…",
  },
  "es-MX": {
    login: {
      title: "Iniciar sesión",
      email: "Correo electrónico",
      password: "Contraseña",
      submit: "Entrar",
      submitting: "Entrando…",
      invalidCredentials: "Correo o contraseña incorrectos.",
    },
    logout: "Cerrar sesión",
    loggingOut: "Cerrando sesión…",
  },
});
