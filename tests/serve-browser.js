// serve-browser.js URL SAMPLE.ini OUTDIR [SLUG=FILE...] — what a counsellor does on the
// 附件1 page of wsdoc serve, in Debian's Chromium driven over the DevTools
// protocol (--remote-debugging-pipe: no npm package, no browser download).
// Opens the page, opens SAMPLE through the page's file button, types a
// 简介 of 120 字 and waits for E-APP-INTRO-LONG beside it, shortens it and
// waits for it to go, adds three members, renders the PDF and downloads it
// and the INI into OUTDIR, takes screenshots at 390 px and 1280 px, reloads
// the page and finds the draft kept.  Then for each SLUG=FILE argument
// opens that form's page and FILE, and writes the INI the page makes of it
// to OUTDIR/page-SLUG.ini (and a 390 px screenshot).  Prints
// the page's verdict as "verdict: N errors"; fails on any console error.
// Exit 0, 1 on a failure, 77 when Chromium cannot be started.
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");

const [url, sample, out, ...others] = process.argv.slice(2);
const browser = process.env.CHROMIUM || "chromium";
const profile = fs.mkdtempSync(path.join(out, "profile-"));
const chrome = spawn(browser, [
	"--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
	"--no-default-browser-check", "--disable-extensions", "--disable-sync",
	"--remote-debugging-pipe", "--user-data-dir=" + profile, "about:blank",
], { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] });
let stderr = "";
chrome.stderr.on("data", d => { stderr += d; });
chrome.on("error", e => { console.log("skip: cannot start " + browser + ": " + e.message); process.exit(77); });

let nextId = 1, buf = Buffer.alloc(0);
const pending = new Map(), listeners = [];
chrome.stdio[4].on("data", d => {
	buf = Buffer.concat([buf, d]);
	let z;
	while ((z = buf.indexOf(0)) >= 0) {
		const msg = JSON.parse(buf.subarray(0, z).toString("utf8"));
		buf = buf.subarray(z + 1);
		if (msg.id && pending.has(msg.id)) {
			const { ok, ko } = pending.get(msg.id);
			pending.delete(msg.id);
			msg.error ? ko(new Error(JSON.stringify(msg.error))) : ok(msg.result);
		} else
			for (const l of listeners) l(msg);
	}
});
function send(method, params, sessionId) {
	const id = nextId++;
	const msg = { id, method, params: params || {} };
	if (sessionId) msg.sessionId = sessionId;
	chrome.stdio[3].write(JSON.stringify(msg) + "\0");
	return new Promise((ok, ko) => pending.set(id, { ok, ko }));
}
const sleep = ms => new Promise(r => setTimeout(r, ms));
function fail(why) {
	console.log("FAIL: " + why);
	chrome.kill("SIGKILL");
	process.exit(1);
}

(async () => {
	const timer = setTimeout(() => fail("timed out\n" + stderr.slice(-2000)), 120000);
	const { targetId } = await send("Target.createTarget", { url: "about:blank" });
	const { sessionId: S } = await send("Target.attachToTarget", { targetId, flatten: true });
	const call = (m, p) => send(m, p, S);
	const problems = [];
	listeners.push(msg => {
		if (msg.sessionId !== S) return;
		if (msg.method === "Runtime.exceptionThrown")
			problems.push("exception: " + JSON.stringify(msg.params.exceptionDetails).slice(0, 400));
		if (msg.method === "Runtime.consoleAPICalled" && (msg.params.type === "error" || msg.params.type === "warning"))
			problems.push("console." + msg.params.type + ": " + JSON.stringify(msg.params.args).slice(0, 400));
		if (msg.method === "Log.entryAdded" && (msg.params.entry.level === "error" || msg.params.entry.level === "warning"))
			problems.push("log " + msg.params.entry.level + ": " + msg.params.entry.text);
	});
	const downloads = new Set();
	listeners.push(msg => {
		if (msg.method === "Browser.downloadProgress" && msg.params.state === "completed")
			downloads.add(msg.params.guid);
	});
	await call("Runtime.enable");
	await call("Log.enable");
	await call("Page.enable");
	await call("DOM.enable");
	await send("Browser.setDownloadBehavior", { behavior: "allowAndName", downloadPath: out, eventsEnabled: true });
	await call("Emulation.setDeviceMetricsOverride", { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false });

	const js = async expr => {
		const r = await call("Runtime.evaluate", { expression: expr, awaitPromise: true, returnByValue: true });
		if (r.exceptionDetails) fail("evaluate " + expr + ": " + JSON.stringify(r.exceptionDetails).slice(0, 400));
		return r.result.value;
	};
	const until = async (expr, what, ms) => {
		const end = Date.now() + (ms || 20000);
		while (Date.now() < end) {
			if (await js(expr)) return;
			await sleep(50);
		}
		fail("waited in vain for " + what);
	};
	const msgsOf = field => `(document.querySelector('[data-field="${field}"] > ul.msgs') || {textContent: ""}).textContent`;
	const focus = async sel => { await js(`(() => { const e = document.querySelector(${JSON.stringify(sel)}); e.scrollIntoView(); e.focus(); if (e.select) e.select(); return true; })()`); };
	const type = async (sel, text) => {
		await focus(sel);
		await call("Input.dispatchKeyEvent", { type: "rawKeyDown", key: "Delete", code: "Delete", windowsVirtualKeyCode: 46 });
		await call("Input.dispatchKeyEvent", { type: "keyUp", key: "Delete", code: "Delete", windowsVirtualKeyCode: 46 });
		await call("Input.insertText", { text });
	};
	const click = sel => js(`(() => { const e = document.querySelector(${JSON.stringify(sel)}); e.scrollIntoView(); e.click(); return true; })()`);

	// 1. The 附件1 page, fresh (no draft), then the sample opened with the page's button.
	await call("Page.navigate", { url: url + "/form/application" });
	await until(`document.readyState === "complete" && !!document.querySelector("#summary #verdict")`, "the page and its first check");
	await js(`localStorage.clear(), true`);
	const { root } = await call("DOM.getDocument", {});
	const { nodeId } = await call("DOM.querySelector", { nodeId: root.nodeId, selector: "#open-file" });
	await call("DOM.setFileInputFiles", { nodeId, files: [path.resolve(sample)] });
	await until(`document.querySelector("#opened strong") && /打开/.test(document.querySelector("#opened strong").textContent) && wsdoc.model().one["主理人/姓名"]`, "the sample to open");
	await until(`wsdoc.last() && wsdoc.last().errors === 0`, "the opened sample to check clean");

	// 2. A 简介 of 120 字: E-APP-INTRO-LONG beside the field, counted 120/100.
	const intro = "辅导员".repeat(40);
	await type('[data-field="主理人/简介"] textarea', intro);
	await until(`${msgsOf("主理人/简介")}.includes("E-APP-INTRO-LONG")`, "E-APP-INTRO-LONG beside 简介");
	const shown = await js(msgsOf("主理人/简介"));
	if (!/附件1/.test(shown) || !/实为120字/.test(shown)) fail("the message lacks its clause or count: " + shown);
	const counter = await js(`document.querySelector('[data-field="主理人/简介"] .count').textContent`);
	if (counter !== "120/100 字") fail("counter says " + counter);
	if (!(await js(`document.querySelector("#summary").textContent.includes("E-APP-INTRO-LONG")`))) fail("not in the summary");
	await call("Emulation.setDeviceMetricsOverride", { width: 390, height: 844, deviceScaleFactor: 2, mobile: true });
	await focus('[data-field="主理人/简介"] textarea');
	await sleep(300);
	fs.writeFileSync(path.join(out, "phone-390.png"), Buffer.from((await call("Page.captureScreenshot", { format: "png" })).data, "base64"));
	const wide = await js(`document.documentElement.scrollWidth`);
	if (wide > 390) fail("the page is " + wide + " px wide at 390 px");
	await call("Emulation.setDeviceMetricsOverride", { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false });

	// 3. Shortened: the message goes.
	await type('[data-field="主理人/简介"] textarea', "辅导员".repeat(20) + "，从事学生工作十年。");
	await until(`!${msgsOf("主理人/简介")}.includes("E-APP-INTRO-LONG") && wsdoc.last().errors === 0`, "E-APP-INTRO-LONG to go");

	// 4. Three members more.
	const before = await js(`wsdoc.model().lists["成员"].length`);
	const people = [["周明远", "20180311", "物理学院", "兼职辅导员", "学生党建"],
		["吴静姝", "20190427", "音乐学院", "专职辅导员", "艺术育人"],
		["郑怀瑾", "20200518", "法学院", "专职辅导员", "法治教育"]];
	for (const p of people) {
		await click('button.add[data-list="成员"]');
		const n = await js(`wsdoc.model().lists["成员"].length`);
		const keys = ["姓名", "工号", "单位", "岗位", "研究方向"];
		for (let k = 0; k < keys.length; k++)
			await type(`[data-field="成员${n}/${keys[k]}"] input`, p[k]);
	}
	if (await js(`wsdoc.model().lists["成员"].length`) !== before + 3) fail("three members were not added");
	await sleep(800);
	await until(`wsdoc.last() && document.querySelector("#state").textContent === "已检查"`, "the check after the members");
	// reorder: the last added goes up one, then back
	const n3 = before + 3;
	await click(`[data-field="成员${n3}"] .itembar button:first-child`);
	if (await js(`wsdoc.model().lists["成员"][${n3 - 2}]["姓名"]`) !== "郑怀瑾") fail("上移 did not move the member");
	await click(`[data-field="成员${n3 - 1}"] .itembar button:nth-child(2)`);
	if (await js(`wsdoc.model().lists["成员"][${n3 - 1}]["姓名"]`) !== "郑怀瑾") fail("下移 did not move the member back");
	await sleep(800);
	await until(`document.querySelector("#state").textContent === "已检查"`, "the check after reordering");

	// 5. The PDF, then the INI, downloaded.
	await click("#pdf");
	await until(`!document.querySelector("#pdf-link").classList.contains("hidden")`, "the PDF");
	await click("#pdf-link");
	await until(`true`, "");
	for (let i = 0; i < 200 && downloads.size < 1; i++) await sleep(50);
	await click("#save-ini");
	for (let i = 0; i < 200 && downloads.size < 2; i++) await sleep(50);
	if (downloads.size < 2) fail("downloads: " + downloads.size);
	const guids = [...downloads];
	fs.renameSync(path.join(out, guids[0]), path.join(out, "page.pdf"));
	fs.renameSync(path.join(out, guids[1]), path.join(out, "page.ini"));
	await call("Emulation.setDeviceMetricsOverride", { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false });
	await js(`window.scrollTo(0, 0), true`);
	await sleep(200);
	fs.writeFileSync(path.join(out, "desktop.png"), Buffer.from((await call("Page.captureScreenshot", { format: "png", captureBeyondViewport: true, clip: { x: 0, y: 0, width: 1280, height: 2400, scale: 1 } })).data, "base64"));
	const last = await js(`wsdoc.last()`);
	console.log("verdict: " + last.errors + " errors " + last.warnings + " warnings");
	console.log("codes: " + last.diagnostics.map(d => d.code).join(" "));

	// 6. A closed tab loses nothing: the page reloaded has the draft.
	const ini = await js(`wsdoc.toIni()`);
	await call("Page.reload", {});
	await until(`document.readyState === "complete" && window.wsdoc && wsdoc.last()`, "the reloaded page's check");
	if (await js(`wsdoc.toIni()`) !== ini) fail("the draft was not kept across a reload");

	// 7. The other forms: a file of another form opened on this page
	// takes the browser to that form's page, filled; the INI the page
	// then writes is kept.
	for (const arg of others) {
		const [slug, file] = arg.split("=");
		const doc = await call("DOM.getDocument", {});
		const input = await call("DOM.querySelector", { nodeId: doc.root.nodeId, selector: "#open-file" });
		await call("DOM.setFileInputFiles", { nodeId: input.nodeId, files: [path.resolve(file)] });
		await until(`location.pathname === "/form/${slug}" && document.readyState === "complete" && window.wsdoc && wsdoc.last() && document.querySelector("#opened strong") && !/失败/.test(document.querySelector("#opened strong").textContent) && document.querySelector("#state").textContent === "已检查" && wsdoc.last().errors === 0`, slug + ": " + file + " opened, on its page, and checked clean");
		fs.writeFileSync(path.join(out, "page-" + slug + ".ini"), await js(`wsdoc.toIni()`));
		await call("Emulation.setDeviceMetricsOverride", { width: 390, height: 844, deviceScaleFactor: 2, mobile: true });
		if (await js(`document.documentElement.scrollWidth`) > 390) fail(slug + " wider than 390 px");
		await js(`(document.querySelector('[role=radiogroup]') || document.body).scrollIntoView(), true`);
		await sleep(200);
		fs.writeFileSync(path.join(out, "phone-" + slug + ".png"), Buffer.from((await call("Page.captureScreenshot", { format: "png" })).data, "base64"));
		await call("Emulation.setDeviceMetricsOverride", { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false });
	}
	if (problems.length) fail("console:\n" + problems.join("\n"));
	clearTimeout(timer);
	await send("Browser.close").catch(() => {});
	chrome.kill("SIGKILL");
	process.exit(0);
})().catch(e => fail(e.stack || String(e)));
