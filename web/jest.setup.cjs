// jsdom lacks the encoding globals that react-router (and Apollo's MockLink) use; Node has them.
const { TextDecoder, TextEncoder } = require("node:util");

if (typeof globalThis.TextEncoder === "undefined") {
  globalThis.TextEncoder = TextEncoder;
  globalThis.TextDecoder = TextDecoder;
}
