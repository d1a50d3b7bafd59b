// The page's words in Chinese (the default) and English. The choice is remembered in this browser; times are always
// China Standard Time, the paper's own, whatever the browser's zone.
"use strict";

const MESSAGES = {
  "zh-CN": {
    title: "河西报 · 编辑台", connecting: "连接中…", live: "实时", reconnecting: "重新连接中…",
    filters: "检索", search: "全文", searchHint: "标题或正文中的文字", from: "自", to: "至", more: "更多",
    noResults: "没有符合条件的稿件。", searchFailed: "检索失败,请检查条件。", tag: "标签", place: "地点", section: "栏目", filter: "筛选", clear: "清除",
    tagHint: "燃气安全", placeHint: "天塔街道 或 120103008", sectionHint: "十项行动见行见效",
    articles: "稿件", hint: "请选择一篇稿件。新发布的稿件会自动出现在左侧。", switchTo: "English",
    noHeadline: "(无标题)", tags: "标签", places: "地点", unresolved: "未匹配", focus: "重点",
    peopleOrgs: "人物与机构", warnings: "解析提示", sourceText: "原文", none: "无。",
    noReport: "本期的解析报告尚未记录。", noSource: "原文暂不可用。", photo: "摄", issueNo: "第{n}期",
    map: "河西区地图", approximate: "(约)", cst: "北京时间",
    edit: "更正", withdraw: "撤稿", save: "保存更正", cancel: "取消", confirm: "确定",
    keyTitle: "编辑身份", keyPrompt: "更正与撤稿需要管理密钥。本次会话内只询问一次。", badKey: "密钥无效,请重新输入。",
    editorName: "编辑姓名", apiKey: "管理密钥", listHint: "多项以顿号或逗号分隔",
    restore: "恢复系统识别值", correctedBy: "已由{editor}更正({at})", placeSearch: "在地名库中查找", addPlace: "添加",
    removePlace: "移除", noPlaceFound: "地名库中没有该地点。", withdrawReason: "撤稿原因", confirmWithdraw: "确认撤稿",
    withdrawnNotice: "本稿已于{at}由{editor}撤下。", conflict: "稿件已被他人修改,已载入最新版本,请重新更正。",
    saved: "已保存,新版本已发布。", unchanged: "没有改动。", editFailed: "保存失败:{detail}", versions: "版本记录",
    versionLine: "第{n}版 · {at} · {change}", by: "由{editor}", kept: "保留更正:{fields}", reason: "原因:{reason}",
    field: {headline: "标题", subheadline: "副题", section: "栏目", tags: "标签", places: "地点", people: "人物"},
    change: {published: "首次发布", updated: "系统更新", corrected: "人工更正", withdrawn: "撤稿"},
    placeType: {country: "国家", province: "省级", city: "市", district: "区县", street: "街道", community: "社区", road: "道路",
      landmark: "地标", region: "区域"},
    kind: {news: "新闻", photo: "图片新闻", note: "简讯", unstructured: "未分段"},
    flag: {truncated: "疑似截断", continuation: "转版续文"},
    warning: {"no-structure": "未识别结构", "orphan-headline": "标题与正文分离", "no-headline": "缺少标题", "empty-body": "正文为空",
      "banner-in-story": "正文中夹有通栏", "orphan-continuation": "续文无对应稿件", truncated: "疑似截断"}
  },
  en: {
    title: "Hexi Daily · Editors' desk", connecting: "connecting…", live: "live", reconnecting: "reconnecting…",
    filters: "search", search: "Text", searchHint: "words in the headline or body", from: "From", to: "To", more: "More",
    noResults: "No article matches.", searchFailed: "The search failed; check the filters.", tag: "Tag", place: "Place", section: "Section", filter: "Filter", clear: "Clear",
    tagHint: "燃气安全", placeHint: "天塔街道 or 120103008", sectionHint: "十项行动见行见效",
    articles: "articles", hint: "Select an article. New articles appear on the left as they are published.", switchTo: "中文",
    noHeadline: "(no headline)", tags: "Tags", places: "Places", unresolved: "unresolved", focus: "focus",
    peopleOrgs: "People and organisations", warnings: "Parse warnings", sourceText: "Source text", none: "None.",
    noReport: "The issue's parse report is not recorded yet.", noSource: "The source text is not available.", photo: "photo",
    issueNo: "No. {n}", map: "Map of Hexi District", approximate: " (≈)", cst: "CST",
    edit: "Correct", withdraw: "Withdraw", save: "Save correction", cancel: "Cancel", confirm: "OK",
    keyTitle: "Editor", keyPrompt: "Corrections and withdrawals need the admin key. You are asked once per session.",
    badKey: "The key was refused; enter it again.", editorName: "Your name", apiKey: "Admin key", listHint: "separate items with 、 or ,",
    restore: "restore the pipeline's value", correctedBy: "corrected by {editor} ({at})", placeSearch: "search the gazetteer",
    addPlace: "add", removePlace: "remove", noPlaceFound: "No such place in the gazetteer.", withdrawReason: "Reason",
    confirmWithdraw: "Withdraw the article", withdrawnNotice: "Withdrawn {at} by {editor}.",
    conflict: "Someone changed the article meanwhile; the latest version is loaded, correct it again.",
    saved: "Saved; the new version is published.", unchanged: "Nothing changed.", editFailed: "Not saved: {detail}", versions: "Versions",
    versionLine: "version {n} · {at} · {change}", by: "by {editor}", kept: "corrections kept: {fields}", reason: "reason: {reason}",
    field: {headline: "headline", subheadline: "subheadline", section: "section", tags: "tags", places: "places", people: "people"},
    change: {published: "first published", updated: "pipeline update", corrected: "corrected", withdrawn: "withdrawn"},
    kind: {news: "news", photo: "photo", note: "note", unstructured: "unstructured"},
    flag: {truncated: "truncated", continuation: "continued from another page"},
    warning: {}
  }
};

const LANGUAGE_KEY = "newsroom.language";
let language = localStorage.getItem(LANGUAGE_KEY) in MESSAGES ? localStorage.getItem(LANGUAGE_KEY) : "zh-CN";

/** A message of the current language; {name} placeholders are filled from values. */
function t(key, values) {
  const text = MESSAGES[language][key] ?? MESSAGES["zh-CN"][key] ?? key;
  return typeof text === "string" ? text.replace(/\{(\w+)}/g, (_, name) => String(values?.[name] ?? "")) : text;
}

/** A closed set's label (kind, flag, warning); an unknown code shows as itself. */
function label(set, code) {
  return (MESSAGES[language][set] || {})[code] || code;
}

/** A time in China Standard Time, as an editor there reads it. */
function cst(instant) {
  if (!instant) return null;
  const format = new Intl.DateTimeFormat(language, {timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", hour12: false});
  return format.format(new Date(instant)) + " " + t("cst");
}

/** The static labels (data-i18n, data-i18n-placeholder) in the current language. */
function translatePage() {
  document.documentElement.lang = language;
  document.title = t("title");
  document.querySelectorAll("[data-i18n]").forEach(node => { node.textContent = t(node.dataset.i18n); });
  document.querySelectorAll("[data-i18n-placeholder]").forEach(node => { node.placeholder = t(node.dataset.i18nPlaceholder); });
  document.querySelectorAll("[data-i18n-label]").forEach(node => { node.setAttribute("aria-label", t(node.dataset.i18nLabel)); });
}

function switchLanguage() {
  language = language === "zh-CN" ? "en" : "zh-CN";
  localStorage.setItem(LANGUAGE_KEY, language);
  translatePage();
}
