import { fireEvent, render, screen } from "@testing-library/react";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { GraphQLError } from "graphql";

import { I18nProvider } from "../lib/I18nProvider";
import { LoadError } from "./LoadError";

describe("LoadError", () => {
  it("should word the error through the one mapping, after the lead, and retry on its button", () => {
    const onRetry = jest.fn();
    const error = new CombinedGraphQLErrors({ errors: [new GraphQLError("nope", { extensions: { code: "FORBIDDEN" } })] });
    render(
      <I18nProvider initialLocale="es-MX">
        <LoadError error={error} onRetry={onRetry} lead="No se pudieron cargar estas tarjetas." className="kanban-column__more" />
      </I18nProvider>,
    );

    const alert = screen.getByRole("alert");
    expect(alert.className).toBe("kanban-column__more form-error");
    expect(alert.textContent).toBe("No se pudieron cargar estas tarjetas. No tienes permiso para hacer esto. Reintentar");
    fireEvent.click(screen.getByRole("button", { name: "Reintentar" }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
