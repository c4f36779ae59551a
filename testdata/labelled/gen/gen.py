#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Assemble the synthetic labelled pages in ../zh.jsonl and ../en.jsonl.

Usage (from the repo root):   bash testdata/labelled/gen/build.sh

gen.py writes JSON lines to stdout: `gen.py zh` emits the Chinese pages with
an extra "conv" key (true = convert the text to Traditional), which the Go
helper gen/s2t consumes and drops; `gen.py en` emits the English pages.
Output is deterministic: every page draws from random.Random(<fixed seed>).
"""
import json
import random
import sys

import en_articles
import en_junk as EJ
import zh_articles
import zh_junk as ZJ

# ---------------------------------------------------------------- filling ---

ZH_SITES = ["个人图书馆", "新知网", "每日资讯", "东方财讯", "学海文库", "健康时报网", "大河新闻", "科技早知道", "云端文档", "知识家"]
ZH_SRCS = ["新华社", "本报", "中国新闻网", "澎湃新闻", "21世纪经济报道", "央视新闻客户端", "科技日报", "人民网", "健康时报", "界面新闻"]
ZH_EDS = ["王芳", "李强", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "孙悦", "周婷", "吴昊", "郑璐", "冯毅"]
ZH_PROVS = ["北京", "上海", "广东", "浙江", "四川", "湖北", "江苏", "山东", "福建", "陕西"]
EN_SITES = ["The Daily Ledger", "Riverside Tribune", "Hearth & Table", "DevNotes", "GearCheck", "Trailhead Weekly", "The Morning Post", "Pantry Stories", "CarTalk Forums", "Backyard Almanac"]
EN_NAMES = ["Sarah Lin", "James O'Neill", "Priya Shah", "Tom Becker", "Laura Chen", "Michael Grant", "Emma Ruiz", "David Cho", "Olivia Hart", "Noah Fischer"]
EN_BEATS = ["city hall", "food and drink", "consumer technology", "science and health", "personal finance", "travel", "the outdoors", "education"]
EN_USERS = ["gearhead_77", "mkbaker", "sunnyside_garden", "dataDan", "quietpine", "northloop", "tinkerer42", "RoseW", "oldcarguy", "jpmorales"]
PARENTS = ["Future Media Group", "Northstar Publishing", "Ledger Media Co."]
BRANDS = ["Acme Insurance", "Brightline Bank", "Nimbus Cloud", "Evergreen Mattress"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
HEX = "0123456789abcdef"
SLUGS = ["lab", "notes", "deep-learning", "data-team", "kelvin", "ml-notes", "llm-study", "docs", "tutorial", "open-source"]


class Filler(dict):
    """Values for the {key} placeholders of the junk templates."""

    def __init__(self, rng, lang, related):
        super().__init__()
        self.rng, self.lang, self.related = rng, lang, related

    def __missing__(self, key):
        r = self.rng
        y = r.randint(2019, 2024)
        mo, da = r.randint(1, 12), r.randint(1, 28)
        v = {
            "n": r.choice([r.randint(2, 99), r.randint(100, 999), r.randint(1000, 98000)]),
            "m": r.randint(1, 480), "k": r.randint(2, 9), "y": r.choice([9.9, 12, 15, 19.9, 25, 30, 68, 98, 128, 168]),
            "p": r.choice([35, 48, 60, 72, 85]),
            "date": f"{y}-{mo:02d}-{da:02d}" if r.random() < 0.7 or self.lang == "en" and False else f"{y}年{mo}月{da}日",
            "d": f"{y + 1}-{mo:02d}-{da:02d}",
            "time": f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
            "src": r.choice(ZH_SRCS), "ed": r.choice(ZH_EDS), "ed2": r.choice(ZH_EDS), "prov": r.choice(ZH_PROVS),
            "year": str(r.randint(2021, 2025)), "site": r.choice(ZH_SITES if self.lang == "zh" else EN_SITES),
            "icp": r.choice(["京", "沪", "粤", "浙", "苏", "蜀"]) + f"ICP备{r.randint(10000000, 99999999)}号-{r.randint(1, 9)}",
            "gab": f"{r.randint(11000002000000, 44999999999999)}",
            "lic": f"{r.randint(10000000, 99999999)}",
            "tel": r.choice(["010", "021", "020", "0571"]) + f"-{r.randint(10000000, 99999999)}",
            "a": str(r.randint(100, 999)), "b": str(r.randint(1000, 9999)), "q": str(r.randint(10000000, 999999999)),
            "nick": r.choice(ZJ.NICKS), "bio": r.choice(ZJ.BIOS), "acct": r.choice(ZJ.ACCTS), "tag": r.choice(ZJ.TAGS),
            "uid": str(r.randint(10000, 9999999)), "fmt": r.choice(["docx", "pdf", "pptx", "doc"]),
            "slug": r.choice(SLUGS), "slug2": r.choice(SLUGS) + "-" + str(r.randint(1, 99)),
            "id": str(r.randint(100000000, 999999999)), "arx": f"{r.randint(2001, 2412)}.{r.randint(10000, 19999)}",
            "hex": "".join(r.choice(HEX) for _ in range(r.choice([12, 22, 32]))),
            "rt": r.choice(self.related), "q_": "",
            "name": r.choice(EN_NAMES), "beat": r.choice(EN_BEATS), "section": r.choice(["Local", "Business", "Food", "Tech", "Opinion", "Sports", "Science"]),
            "parent": r.choice(PARENTS), "brand": r.choice(BRANDS),
            "t1": r.choice(EJ.TAG_WORDS), "t2": r.choice(EJ.TAG_WORDS), "t3": r.choice(EJ.TAG_WORDS),
            "mon": r.choice(MONTHS), "year2": str(r.randint(2008, 2023)), "user": r.choice(EN_USERS),
        }
        if self.lang == "en":
            v["date"] = r.choice([f"{MONTHS[mo - 1]} {da}, {y}", f"{y}-{mo:02d}-{da:02d}", f"{mo}/{da}/{y}"])
        return v[key]


def fill(rng, lang, tpl, related):
    if "{" not in tpl:
        return tpl
    return tpl.format_map(Filler(rng, lang, related))


# ----------------------------------------------------------- article lines ---

def parse_article(text):
    """Returns [(kind, text)] with kind one of T B H L C X S Q P."""
    out = []
    for ln in text.strip().split("\n"):
        ln = ln.strip()
        if not ln:
            continue
        if len(ln) > 2 and ln[1] == ":" and ln[0] in "TBHLCXSQ":
            out.append((ln[0], ln[2:].strip()))
        else:
            out.append(("P", ln))
    return out


# Pinyin glosses and mis-decoding, as in pages that went through a broken
# converter. Applied to a few paragraphs of some Chinese pages; still content.
GLOSS = {"战": "zhàn", "数": "shù", "据": "jù", "网": "wǎng", "发": "fā", "产": "chǎn", "进": "jìn", "们": "men",
         "经": "jīng", "这": "zhè", "业": "yè", "时": "shí", "为": "wèi", "说": "shuō", "还": "hái", "样": "yàng",
         "实": "shí", "现": "xiàn", "开": "kāi", "长": "zhǎng", "动": "dòng", "过": "guò", "问": "wèn", "题": "tí"}


def damage(rng, s):
    out = []
    glossed = set()
    for ch in s:
        if ch in GLOSS and ch not in glossed and rng.random() < 0.55:
            glossed.add(ch)
            out.append(ch + "(" + GLOSS[ch] + ")")
        elif ch in GLOSS and rng.random() < 0.06:
            out.append("?" + GLOSS[ch] + ")")
        else:
            out.append(ch)
    return "".join(out)


# --------------------------------------------------------------- Chinese ---

def zh_pages():
    pages = []
    profiles = ["doc", "news", "qa", "wechat", "wenku", "doc", "news", "forum"]
    arts = zh_articles.ARTICLES
    # Every article once, then 30 of them reposted by another kind of site in
    # the other script (content farms copy each other; the characters differ).
    plan = [(i, i % 2 == 0, profiles[i % len(profiles)], "") for i in range(len(arts))]
    for r in range(30):
        a = (r * 7 + 3) % len(arts)
        plan.append((a, a % 2 == 1, profiles[(a + 3 + r) % len(profiles)], "-repost"))
    for i, (ai, trad, prof, tag) in enumerate(plan):
        art = arts[ai]
        rng = random.Random(7000 + i)
        lines = []  # (text, label, conv)

        def J(pool, k=1):
            for t in rng.sample(pool, min(k, len(pool))):
                lines.append((fill(rng, "zh", t, ZJ.RELATED_TITLES), "junk", True))

        def related(k_lo=3, k_hi=5, head=None):
            lines.append((head or rng.choice(ZJ.RELATED_HEAD), "junk", True))
            for t in rng.sample(ZJ.RELATED_TITLES, rng.randint(k_lo, k_hi)):
                lines.append((t, "junk", True))

        body = parse_article(art)
        damaged = prof == "doc" or rng.random() < 0.25
        paras = [j for j, (k, _) in enumerate(body) if k == "P"]
        dmg = set(rng.sample(paras, min(len(paras), rng.randint(1, 3)))) if damaged else set()
        # inline junk after some body lines (never right after a heading)
        inl_pool = {"doc": [ZJ.QA_CARD, ZJ.LINK_CARD, ZJ.ADS], "news": [ZJ.ADS, ZJ.SHARE], "qa": [ZJ.QA_CARD, ZJ.LINK_CARD],
                    "wechat": [ZJ.LINK_CARD, ZJ.ADS], "wenku": [ZJ.DOC, ZJ.ADS], "forum": [ZJ.ADS, ZJ.QA_CARD]}[prof]
        cand = [j for j, (k, _) in enumerate(body) if k in "PLXC" and j + 1 < len(body)]
        inline = set(rng.sample(cand, min(len(cand), rng.randint(1, 2))))

        def emit_body(start=0):
            for j, (k, t) in enumerate(body):
                if j < start:
                    continue
                if j in dmg:
                    t = damage(rng, t)
                lines.append((t, "content", True))
                if k == "T" and prof == "doc" and rng.random() < 0.6:
                    lines.append((rng.choice(ZJ.TOC), "junk", True))
                if j in inline:
                    pool = rng.choice(inl_pool)
                    if pool is ZJ.QA_CARD:
                        q = rng.choice(ZJ.QA_QUESTIONS)
                        t2 = rng.choice(ZJ.QA_CARD).replace("{q}", q)
                        lines.append((fill(rng, "zh", t2, ZJ.RELATED_TITLES), "junk", True))
                    else:
                        J(pool)

        title = body[0][1]
        if rng.random() < 0.3:
            body[0] = ("T", title + rng.choice([" | ", " - ", "_"]) + rng.choice(["科技前沿", "读书会", "每日一读", "干货分享", "深度好文", "财经观察"]))

        if prof == "doc":
            if rng.random() < 0.6:
                lines.append((rng.choice(ZJ.SEO_SPAM), "junk", False))
            J(ZJ.APP_TOP); J(ZJ.AVATAR); J(ZJ.NOT_LOGGED); J(ZJ.VIP, rng.randint(1, 2))
            emit_body()
            if rng.random() < 0.8:
                J(ZJ.STORAGE)
            J(ZJ.READ_IN_APP)
            related(head=rng.choice(["猜你喜欢", "你可能还想看", "为你推荐"]))
            if rng.random() < 0.35:
                related(3, 5, head=rng.choice(["类似文章", "相似文档", "相关文章"]))
            J(ZJ.MORE); J(ZJ.SERVICE_MENU, rng.randint(1, 2)); J(ZJ.SHARE); J(ZJ.ACCOUNT, rng.randint(1, 2)); J(ZJ.CUSTOMER)
        elif prof == "news":
            J(ZJ.NAV, rng.randint(1, 2))
            if rng.random() < 0.3:
                lines.append((rng.choice(ZJ.SEO_SPAM), "junk", False))
            lines.append((body[0][1], "content", True))
            J(ZJ.META_ROW)
            body_start = 1
            tmp = body
            emit_body(body_start)
            J(ZJ.EDITOR); J(ZJ.SHARE)
            if rng.random() < 0.5:
                J(ZJ.REPORT)
            if rng.random() < 0.4:
                J(ZJ.COMMENTS, rng.randint(1, 2))
            J(ZJ.PAGER, 1)
            related(head=rng.choice(["相关新闻", "相关阅读", "延伸阅读"]))
            if rng.random() < 0.6:
                related(3, 5, head=rng.choice(["热点新闻", "24小时热榜", "点击排行", "编辑推荐"]))
            J(ZJ.FOOTER, rng.randint(2, 4))
            if rng.random() < 0.4:
                J(ZJ.FRIEND_LINKS)
        elif prof == "qa":
            J(ZJ.APP_TOP); J(ZJ.QA_TOP, rng.randint(2, 3))
            lines.append((body[0][1], "content", True))
            J(["关注问题", "写回答", "邀请回答", "好问题 {n}", "{m} 条评论"], 2)
            J(["{nick}", "{nick} · {bio}"]); J(["{n} 人赞同了该回答", "{bio}"])
            emit_body(1)
            J(ZJ.ANSWER_META, rng.randint(2, 4))
            lines.append((rng.choice(["更多回答", "相关问题", "热门问题"]), "junk", True))
            for q in rng.sample(ZJ.QA_QUESTIONS, rng.randint(3, 5)):
                t2 = rng.choice(ZJ.QA_CARD).replace("{q}", q)
                lines.append((fill(rng, "zh", t2, ZJ.RELATED_TITLES), "junk", True))
            J(ZJ.FOOTER, rng.randint(2, 4))
        elif prof == "wechat":
            J(["点击上方蓝字关注我们", "点击上方“{acct}”，选择“设为星标”"])
            lines.append((body[0][1], "content", True))
            J(["原创 {nick} {acct} {date} {time} 发表于{prov}", "收录于合集 #{tag} {n}个"], rng.randint(1, 2))
            emit_body(1)
            J(["END", "—— 往期推荐 ——", "↓↓↓ 点击“阅读原文”了解更多"])
            related(3, 5, head=rng.choice(["往期推荐", "推荐阅读", "精选文章"]))
            J(["长按识别二维码关注", "微信扫一扫关注该公众号", "点个“在看”，让更多人看到"], rng.randint(1, 2))
            J(["阅读原文", "轻触阅读原文", "预览时标签不可点"])
            J(["分享 收藏 点赞 在看", "写留言", "留言", "精选留言", "作者已设置关注后才可以留言"], rng.randint(1, 3))
            if rng.random() < 0.5:
                related(3, 4, head="喜欢此内容的人还喜欢")
            J(["继续滑动看下一个", "向上滑动看下一个"])
        elif prof == "wenku":
            J(ZJ.NAV[:4] + ["文库首页 | 学术论文 | 教育资料 | 办公模板 | 行业资料"])
            J(ZJ.NOT_LOGGED)
            lines.append((body[0][1], "content", True))
            J(ZJ.DOC[:8], rng.randint(2, 4))
            emit_body(1)
            J(ZJ.DOC[8:], rng.randint(1, 3)); J(ZJ.READ_IN_APP); J(ZJ.STORAGE)
            related(4, 6, head=rng.choice(["相关文档", "相似文档", "猜你喜欢"]))
            J(ZJ.VIP); J(ZJ.FOOTER, rng.randint(1, 3))
        elif prof == "forum":
            J(["首页 › 论坛 › 生活杂谈", "论坛首页 | 版块 | 精华 | 排行", "首页 > 社区 > 经验分享"])
            J(ZJ.NOT_LOGGED)
            J(["查看: {n} | 回复: {m}", "[复制链接]"])
            lines.append((body[0][1], "content", True))
            J(["楼主", "{nick} 发表于 {date}", "发表于 {date} {time}", "UID {uid}", "积分 {n} 帖子 {m} 主题 {k}"], rng.randint(2, 3))
            emit_body(1)
            J(["本帖最后由 {nick} 于 {date} {time} 编辑", "签名：生活不止眼前的苟且", "签名：认真你就输了", "举报 | 评分", "打赏", "回复", "只看楼主"], rng.randint(2, 4))
            J(["沙发", "板凳", "回复 {n} 楼 {nick}", "顶 {n}"], rng.randint(1, 2))
            J(["您需要登录后才可以回帖 登录 | 注册", "快速回复", "高级模式", "返回列表", "上一主题 下一主题"], rng.randint(2, 3))
            related(4, 6, head=rng.choice(["相关帖子", "热门推荐", "精华帖"]))
            J(ZJ.FOOTER, rng.randint(2, 4))
        # Traditional pages also get occasional Simplified spam (conv False): already handled.
        pid = f"zh-hand-{i + 1:03d}-{prof}-{'hant' if trad else 'hans'}{tag}"
        for text, label, conv in lines:
            pages.append({"text": text, "label": label, "page": pid, "corpus": "hand", "conv": bool(trad and conv)})
    return pages


# --------------------------------------------------------------- English ---

def en_pages():
    pages = []
    for i, (kind, art) in enumerate(en_articles.ARTICLES):
        rng = random.Random(9100 + i)
        lines = []

        def J(pool, k=1):
            for t in rng.sample(pool, min(k, len(pool))):
                lines.append((fill(rng, "en", t, EJ.RELATED_TITLES), "junk"))

        def related(k_lo=3, k_hi=5, head=None):
            lines.append((fill(rng, "en", head or rng.choice(EJ.RELATED_HEAD), EJ.RELATED_TITLES), "junk"))
            for t in rng.sample(EJ.RELATED_TITLES, rng.randint(k_lo, k_hi)):
                lines.append((t, "junk"))

        body = parse_article(art)
        cand = [j for j, (k, _) in enumerate(body) if k in "PLQX" and j + 1 < len(body) and j > 1]
        inline = set(rng.sample(cand, min(len(cand), rng.randint(1, 3))))
        inl_pool = {"news": [EJ.ADS, ["Read more: {rt}", "RELATED: {rt}", "Also read: {rt}"]], "blog": [EJ.ADS], "recipe": [EJ.ADS, EJ.RECIPE],
                    "docs": [["Copy", "Copied!", "Note", "Tip"]], "review": [EJ.ADS, EJ.REVIEW], "forum": [EJ.FORUM]}[kind]

        def emit_body(start, forum=False):
            for j, (k, t) in enumerate(body):
                if j < start:
                    continue
                if forum and k == "P":
                    J(["{user}", "{user} · Senior Member", "{user}\u00a0Moderator", "{user} said:", "Posted by {user} · {n}h"])
                    if rng.random() < 0.4:
                        J(["Joined: {mon} {year2}", "Posts: {n}", "Posted {n} hours ago", "Reply #{n} on: {date}"])
                lines.append((t, "content"))
                if k == "C" and rng.random() < 0.8:
                    J(EJ.CREDIT)
                if forum and k == "P":
                    if rng.random() < 0.6:
                        J(["Like Reply Quote", "Reply", "Quote", "Report post", "{n} upvotes", "Like", "Click to expand..."])
                elif j in inline:
                    J(rng.choice(inl_pool))

        if rng.random() < 0.2:
            lines.append((rng.choice(EJ.SEO_SPAM), "junk"))
        if kind in ("news", "review") and rng.random() < 0.5:
            J(EJ.COOKIE, rng.randint(1, 2))
        if kind == "news":
            J([EJ.NAV[i] for i in (0, 1, 2, 14, 15,)]); J([EJ.NAV[i] for i in (3, 4, 5, 6, 7,)], rng.randint(0, 1)); J(EJ.ACCOUNT, rng.randint(1, 2)); J(EJ.BREADCRUMB[:1] + EJ.BREADCRUMB[6:7])
            nb = sum(1 for k, _ in body if k in "TB")
            for k, t in body[:nb]:
                lines.append((t, "content"))
            J(EJ.META); J(EJ.SHARE)
            if rng.random() < 0.5:
                J(EJ.CREDIT)
            emit_body(nb)
            J(EJ.TAGS); J(EJ.AUTHOR_BIO)
            J(EJ.COMMENTS, rng.randint(1, 2))
            related(head=rng.choice(["More from {section}", "Related articles", "Most popular", "Top stories", "Latest news"]))
            J(EJ.NEWSLETTER, rng.randint(1, 2)); J(EJ.FOOTER, rng.randint(2, 4))
        elif kind == "blog":
            J([EJ.NAV[i] for i in (13, 3,)] + ["Home About Blog Contact"], 1); J(["Search", "Menu", "Skip to content"], rng.randint(1, 2))
            J(EJ.BREADCRUMB[4:5])
            emit_body(0)
            J(EJ.TAGS); J(EJ.SHARE); J(EJ.AUTHOR_BIO, 1); J(EJ.PAGER, rng.randint(1, 2))
            J(EJ.COMMENTS, rng.randint(1, 3))
            related(3, 5, head=rng.choice(["Related posts", "You might also like", "Read next"]))
            J(EJ.NEWSLETTER, rng.randint(1, 2)); J(EJ.FOOTER, rng.randint(2, 3))
        elif kind == "recipe":
            J([EJ.NAV[i] for i in (8,)] + ["Recipes Dinners Desserts Healthy Holidays", "Home Recipes About Shop"]); J(EJ.ACCOUNT); J(EJ.BREADCRUMB[1:2])
            lines.append((body[0][1], "content"))
            nb = 2 if len(body) > 1 and body[1][0] == "B" else 1
            if nb == 2:
                lines.append((body[1][1], "content"))
            J(EJ.RECIPE[:6], rng.randint(2, 3)); J(EJ.META[7:], 1)
            emit_body(nb)
            J(EJ.RECIPE[6:], rng.randint(1, 2)); J(EJ.SHARE[4:], 1); J(EJ.COMMENTS, rng.randint(1, 3))
            related(head=rng.choice(["Popular recipes", "You might also like", "More from {section}"]))
            J(EJ.NEWSLETTER, 1); J(EJ.FOOTER, rng.randint(2, 3))
        elif kind == "docs":
            J([EJ.NAV[i] for i in (9, 10,)]); J(EJ.DOCS[10:12], 1); J(EJ.BREADCRUMB[2:3] + EJ.BREADCRUMB[7:8]); J(["On this page", "Table of contents"])
            emit_body(0)
            J(EJ.DOCS[:7] + EJ.DOCS[12:], rng.randint(2, 4))
            lines.append((rng.choice(["Previous", "← Previous"]), "junk")); lines.append((rng.choice(EJ.RELATED_TITLES[24:32]), "junk"))
            lines.append((rng.choice(["Next", "Next →"]), "junk")); lines.append((rng.choice(EJ.RELATED_TITLES[24:32]), "junk"))
            J(EJ.FOOTER, rng.randint(2, 4))
        elif kind == "review":
            J([EJ.NAV[i] for i in (11, 2,)]); J(EJ.ACCOUNT); J(EJ.BREADCRUMB[3:4] + EJ.BREADCRUMB[8:9])
            nb = sum(1 for k, _ in body if k in "TB")
            for k, t in body[:nb]:
                lines.append((t, "content"))
            J(EJ.META[7:] + EJ.META[:1], rng.randint(1, 2)); J(EJ.REVIEW[:5], rng.randint(1, 2))
            emit_body(nb)
            J(EJ.REVIEW[5:], rng.randint(1, 3)); J(EJ.AUTHOR_BIO, 1)
            related(head=rng.choice(["Related", "Recommended for you", "Editor's picks", "More from {section}"]))
            J(EJ.FOOTER, rng.randint(2, 4))
        elif kind == "forum":
            J([EJ.NAV[i] for i in (12,)]); J(EJ.BREADCRUMB[5:6] + EJ.BREADCRUMB[9:10])
            lines.append((body[0][1], "content"))
            J(["Thread starter {user}", "Start date {date}", "Watch thread", "Sort by date Sort by votes"], rng.randint(2, 3))
            emit_body(1, forum=True)
            J(["You must log in or register to reply here.", "Share this page", "Marked as solved"], rng.randint(1, 2))
            related(head="Similar threads")
            J(EJ.FOOTER, rng.randint(2, 4))
        pid = f"en-hand-{i + 1:03d}-{kind}"
        for text, label in lines:
            pages.append({"text": text, "label": label, "page": pid, "corpus": "hand"})
    return pages


def main():
    lang = sys.argv[1]
    rows = zh_pages() if lang == "zh" else en_pages()
    w = sys.stdout
    for r in rows:
        w.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
