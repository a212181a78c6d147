// End to end: the web chat page (bot/public) in Debian's Chromium, driven by playwright-core over
// CDP, talking over its websocket to the real bot, which answers from the real gateway and subgraphs.
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryStore, type ConversationStore } from "../src/conversation-store.ts";
import { startBot, type RunningBot } from "../../test/support/bot.ts";
import { startStack, type Stack } from "../../test/support/stack.ts";

const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(
    `web chat browser test skipped: Debian's chromium is not installed (${CHROMIUM} is missing); install it with \`sudo apt-get install -y chromium\` and run the tests again.`,
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REPLY_TIMEOUT = 15_000;
const BETHUNE = "62119";
const LILLERS = "62516";

describe.skipIf(!haveChromium)("the web chat page in a real browser", () => {
  let stack: Stack;
  let bot: RunningBot;
  let browser: Browser;
  let page: Page;
  /** Every id the server handed out through POST /api/conversations, as the page received them. */
  const issued: string[] = [];
  const pageErrors: string[] = [];
  /** The restarted bot's store, which can be told to forget a conversation (as when it expires). */
  const forgotten = new Set<string>();
  const memory = memoryStore();
  const forgetfulStore: ConversationStore = { ...memory, isIssued: async (id) => !forgotten.has(id) && memory.isIssued(id) };

  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startStack("web_chat"),
      chromium.launch({
        executablePath: CHROMIUM,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
      }),
    ]);
    bot = await startBot(stack.gatewayUrl);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "fr-FR" });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("response", async (response) => {
      if (response.request().method() === "POST" && new URL(response.url()).pathname === "/api/conversations" && response.ok()) {
        const body = (await response.json().catch(() => null)) as { id?: string } | null;
        if (body?.id) issued.push(body.id);
      }
    });
    await page.goto(bot.url);
    await page.locator("#log .msg.bot").first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await bot?.close();
    await stack?.close();
  });

  const botMessages = () => page.locator("#log .msg.bot");

  /** Sends what is typed in the focused field with Enter, and returns the text of the bot's next message. */
  async function askWithKeyboard(question: string): Promise<string> {
    const before = await botMessages().count();
    await page.keyboard.type(question);
    await page.keyboard.press("Enter");
    const reply = botMessages().nth(before);
    await reply.waitFor({ timeout: REPLY_TIMEOUT });
    return (await reply.locator("span:not(.who)").textContent()) ?? "";
  }

  async function focusedId(): Promise<string | null> {
    return page.evaluate(() => document.activeElement?.id || document.activeElement?.className || null);
  }

  async function serviceNames(communeCode: string): Promise<string[]> {
    const { data, errors } = await stack.query<{ services: { nodes: { name: string }[] } }>(
      `query($code: ID!) { services(filter: { communeCode: $code, types: [EAJE, MICRO_CRECHE] }, first: 5) { nodes { name } } }`,
      { code: communeCode },
    );
    expect(errors).toBeUndefined();
    return data!.services.nodes.map((s) => s.name);
  }

  it("lets a keyboard-only resident ask where to find a crèche in Béthune and read the services in the live log", async () => {
    // From the top of the page, the first Tab reaches the skip link, which leads to the question field.
    await page.keyboard.press("Tab");
    expect(await focusedId()).toBe("skip");
    const skip = (await page.locator(".skip").boundingBox())!;
    expect(skip.x).toBeGreaterThanOrEqual(0); // shown on screen once focused
    await page.keyboard.press("Enter");
    expect(await focusedId()).toBe("question");

    const reply = await askWithKeyboard("Où trouver une crèche à Béthune ?");
    const expected = await serviceNames(BETHUNE);
    expect(expected.length).toBeGreaterThan(0);
    expect(reply).toContain("Béthune");
    for (const name of expected) expect(reply).toContain(name);
    // The question is shown as the resident's own message, and the field is ready for the next one.
    expect(await page.locator("#log .msg.me").last().textContent()).toContain("Où trouver une crèche à Béthune ?");
    expect(await focusedId()).toBe("question");
    expect(await page.locator("#question").inputValue()).toBe("");
  });

  it("keeps the conversation's context for a follow-up « et à Lillers ? »", async () => {
    const reply = await askWithKeyboard("et à Lillers ?");
    expect(reply).toContain("Lillers");
    for (const name of await serviceNames(LILLERS)) expect(reply).toContain(name);
  });

  it("uses a conversation id issued by the server, never one the page made up", async () => {
    const id = await page.evaluate(() => sessionStorage.getItem("ctg-conversation"));
    expect(id).toMatch(UUID);
    expect(issued).toContain(id);
    // …and the server knows it as one of its own: asked to resume it, it keeps it.
    const response = await fetch(`${bot.url}/api/conversations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ resume: id }),
    });
    expect(await response.json()).toEqual({ id, resumed: true });
  });

  it("meets the accessibility basics: French page, labelled field, live log, visible focus", async () => {
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    // The field's accessible name comes from its <label>.
    const field = page.getByRole("textbox", { name: "Votre question", exact: true });
    expect(await field.count()).toBe(1);
    expect(await field.getAttribute("id")).toBe("question");
    const log = page.getByRole("log");
    expect(await log.count()).toBe(1);
    expect(await log.getAttribute("aria-live")).toMatch(/^(polite|assertive)$/);
    // Focus reached with the keyboard is visible.
    expect(await focusedId()).toBe("question");
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe("none");
    expect(outline.width).toBeGreaterThan(0);
  });

  it("fits a phone screen (390×844) without horizontal scrolling, replies included", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      const layout = await page.evaluate(() => {
        const root = document.documentElement;
        const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
        return {
          scrollWidth: root.scrollWidth,
          clientWidth: root.clientWidth,
          bodyScrollWidth: document.body.scrollWidth,
          input: box("#question"),
          send: box("#send"),
          logOverflows: [...document.querySelectorAll("#log .msg")].some((m) => m.scrollWidth > m.clientWidth + 1),
        };
      });
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
      expect(layout.bodyScrollWidth).toBeLessThanOrEqual(layout.clientWidth);
      expect(layout.logOverflows).toBe(false);
      for (const control of [layout.input, layout.send]) {
        expect(control.left).toBeGreaterThanOrEqual(0);
        expect(control.right).toBeLessThanOrEqual(390);
      }
      // Still usable there: a question typed on the phone gets its answer.
      await page.locator("#question").focus();
      expect(await askWithKeyboard("Y a-t-il un centre social à Bruay ?")).toContain("Bruay-la-Buissière");
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it("shows a message containing markup as text and never runs it", async () => {
    const markup = `<img src=x onerror="window.__xss=1">bonjour`;
    await page.locator("#question").focus();
    const reply = await askWithKeyboard(markup);
    expect(reply.length).toBeGreaterThan(0);
    expect(await page.locator("#log .msg.me").last().locator("span:not(.who)").textContent()).toBe(markup);
    expect(await page.locator("#log img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  });

  it("reconnects by itself when the bot restarts and answers the next question under a new server-issued id", async () => {
    const oldId = await page.evaluate(() => sessionStorage.getItem("ctg-conversation"));
    const port = Number(new URL(bot.url).port);
    await bot.close();
    // The page notices the lost connection and says so.
    await page.locator("#status", { hasText: "Connexion perdue" }).waitFor({ timeout: 5_000 });
    bot = await startBot(stack.gatewayUrl, forgetfulStore, port);

    await page.locator("#question").focus();
    const reply = await askWithKeyboard("Où trouver une crèche à Lillers ?");
    expect(reply).toContain("Lillers");
    expect(reply).not.toContain("expiré");

    // The restarted server did not know the old id: the page asked for, and uses, a new one.
    const newId = await page.evaluate(() => sessionStorage.getItem("ctg-conversation"));
    expect(newId).toMatch(UUID);
    expect(newId).not.toBe(oldId);
    expect(issued.at(-1)).toBe(newId);
  });

  it("opens a new conversation by itself and still answers when the server no longer knows the current one", async () => {
    const oldId = (await page.evaluate(() => sessionStorage.getItem("ctg-conversation")))!;
    forgotten.add(oldId);
    await page.locator("#question").focus();
    const reply = await askWithKeyboard("Où trouver une crèche à Béthune ?");
    expect(reply).toContain("Béthune");
    expect(await page.locator("#log .msg.bot", { hasText: "expiré" }).count()).toBe(0);
    const newId = await page.evaluate(() => sessionStorage.getItem("ctg-conversation"));
    expect(newId).toMatch(UUID);
    expect(newId).not.toBe(oldId);
    expect(issued.at(-1)).toBe(newId);
  });

  it("raises no script error in the page along the way", () => {
    expect(pageErrors).toEqual([]);
  });
});
