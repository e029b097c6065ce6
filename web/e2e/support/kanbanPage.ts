import type { Locator, Page } from "playwright-core";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The Kanban view of the CRM page as the browser tests see it (roles and labels first; the hidden
 * raw counts are data-testids, like the list's total).
 */
export class KanbanPage {
  constructor(readonly page: Page) {}

  /** Opens the board with extra query parameters (e.g. `q=…`) and waits for its columns. */
  async open(query = ""): Promise<void> {
    await this.page.goto(`/?view=kanban${query ? `&${query}` : ""}`);
    await this.board().waitFor();
    await this.board().getByRole("region").first().waitFor();
  }

  board(): Locator {
    return this.page.getByRole("region", { name: "Kanban board" });
  }

  /** A column by its status name (its accessible name is "<status>: <n> accounts, <value>"). */
  column(status: string): Locator {
    return this.board().getByRole("region", { name: new RegExp(`^${escapeRegExp(status)}:`) });
  }

  async count(status: string): Promise<number> {
    return Number(await this.column(status).getByTestId("kanban-column-count").textContent());
  }

  /** Waits until the column reports `expected` accounts. */
  async waitForCount(status: string, expected: number): Promise<void> {
    await this.column(status).getByTestId("kanban-column-count").filter({ hasText: new RegExp(`^${expected}$`) }).waitFor({ state: "attached" });
  }

  /** A card by its company name (the card is the drag handle, a button). */
  card(company: string, within: Locator = this.board()): Locator {
    return within.getByRole("button", { name: new RegExp(escapeRegExp(company)) });
  }

  /** Every card element in the DOM (virtualized columns keep only those near the view). */
  cardElements(): Locator {
    return this.board().locator("[data-account-id]");
  }

  /** Drags a card with the mouse onto a column, in small steps as a hand would. */
  async dragWithMouse(card: Locator, status: string): Promise<void> {
    const from = await card.boundingBox();
    const to = await this.column(status).boundingBox();
    if (!from || !to) {
      throw new Error("the card or the column is not on screen");
    }
    const startX = from.x + from.width / 2;
    const startY = from.y + from.height / 2;
    await this.page.mouse.move(startX, startY);
    await this.page.mouse.down();
    // The library starts a drag after a few pixels of movement.
    await this.page.mouse.move(startX + 10, startY + 10, { steps: 5 });
    await this.page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 20 });
    await this.page.mouse.up();
  }

  /** Lifts a card with space, moves it `right` columns with the arrow keys and drops it with space. */
  async dragWithKeyboard(card: Locator, right: number): Promise<void> {
    await card.focus();
    await this.page.keyboard.press("Space");
    await this.page.locator(".kanban-card--dragging").waitFor();
    for (let step = 0; step < right; step += 1) {
      await this.page.keyboard.press("ArrowRight");
    }
    await this.page.keyboard.press("Space");
    await this.page.locator(".kanban-card--dragging").waitFor({ state: "detached" });
  }
}
