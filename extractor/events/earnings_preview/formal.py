"""Formal results: figures of a period closed well before the article, told with no word of a preview."""

from __future__ import annotations

import regex

from extractor.events.draft import Draft
from extractor.events.earnings_preview.model import EarningsPreviewFields
from extractor.facts.analysis import ArticleView
from extractor.facts.lexicon import phrases
from extractor.facts.periods import period_close

#: preliminary figures come out within three weeks of a quarter's or a half's close (a flash a week after it, 'said
#: late Tuesday that its first-half net profit surged' in mid-July), and within two months of a year's (January and
#: February); the formal report later: a quarter's from about the fourth week on ('reported ... for the fourth
#: quarter' at the end of January), a half's in August, the annual report in March or April
FORMAL_AFTER_DAYS = 21
FORMAL_AFTER_DAYS_OF_A_YEAR = 59
#: a period closed a year or more before publication has had its formal report: its figures are background ('the
#: all-time high operating profit of 525.7 billion yen in fiscal 1997'), whatever words stand beside them
STALE_AFTER_DAYS = 365
#: a figure less than exact tells a preview only this soon after its period's close: half a year after it, 'about
#: HKD665 million' of revenue is the formal report's figure rounded by the news
INEXACT_AFTER_DAYS = 182


def _told_as_preview(view: ArticleView, draft: Draft[EarningsPreviewFields]) -> bool:
    """A word of a preview in its sentences or in the one that announces them ('X issued a profit alert on Monday.
    Revenue for the first half rose ...'), or a figure given as a bound, a range or about ('revenue exceeded 36
    billion yuan', 'rose 45% to 60%'): a formal report gives the figure itself. Others' expectations met or missed
    ('an expected 71 percent rise', 'beating market expectations') are no word of preview."""
    cues = phrases("earnings_preview", "preview_cues")
    told = [*view.paragraph_before(draft.sentences[0], limit=1), *(view.facts[i] for i in draft.sentences)]
    if any(cues.search(_masked(f.text)) is not None for f in told):
        return True
    close = period_close(draft.fields.get("period"))
    published = view.article.published
    if close is not None and published is not None and (published - close).days > INEXACT_AFTER_DAYS:
        return False
    metrics = draft.fields.get("metrics") or []
    values = [m.get("value") for m in metrics]
    return any(v is not None and v.qualifier != "exact" for v in values) or any(m.get("yoy_pct_range") for m in metrics)


def _masked(text: str) -> str:
    """The text with the phrases that hold a word of preview but tell none blanked ('stronger-than-expected'), and the
    words of preview whose agent is others ('anticipated by analysts', 'analysts had expected')."""
    for m in reversed(list(phrases("earnings_preview", "not_cues").finditer(text))):
        text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    sources = phrases("earnings_preview", "estimate_sources")
    if sources.search(text) is None:
        return text
    for m in reversed(list(phrases("earnings_preview", "preview_cues").finditer(text))):
        if _others_agent(text, m.start(), m.end()):
            text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    return text


#: how many words may stand between others and their word of preview ('analysts polled by Reuters had expected')
AGENT_WORDS = 4
_AGENT_BY = regex.compile(r"\s++by\s++(?:[\w'’-]++\s++){0,2}?(?=\S)")
_WORDS_BEFORE = regex.compile(rf"(?:[\w'’-]++[\s,]++){{0,{AGENT_WORDS}}}$")


def _others_agent(text: str, start: int, end: int) -> bool:
    """Whether a word of preview at text[start:end] is others' ('analysts had expected', 'anticipated by analysts'):
    a source of estimates among the few words before it, or the agent after 'by' right after it."""
    sources = phrases("earnings_preview", "estimate_sources")
    before = _WORDS_BEFORE.search(text, max(0, start - 60), start)
    if before is not None and sources.search(text, before.start(), start) is not None:
        return True
    by = _AGENT_BY.match(text, end)
    return by is not None and sources.match(text, by.end()) is not None


def drop_formal(view: ArticleView, drafts: list[Draft[EarningsPreviewFields]]) -> list[Draft[EarningsPreviewFields]]:
    """Less the results of a company and period that no sentence tells as a preview (no 'expects', 'preliminary',
    'guidance', 'may', ...) nor with a figure less than exact ('over 2 billion yuan'), and whose period closed longer
    before publication than preliminary figures come out: those are the formal report's figures ('Public Bank's net
    profit for the third quarter ended Sept 30 grew 16.8%', published two months later), no preview; and less the
    results of a period closed a year or more before publication, told as a preview or not (`STALE_AFTER_DAYS`)."""
    published = view.article.published
    if published is None:
        return drafts
    cued = {
        (d.subject.name if d.subject else None, d.fields.get("period")) for d in drafts if _told_as_preview(view, d)
    }
    out = []
    for d in drafts:
        key = (d.subject.name if d.subject else None, d.fields.get("period"))
        period = d.fields.get("period")
        close = period_close(period)
        after = FORMAL_AFTER_DAYS_OF_A_YEAR if str(period).startswith("FY") else FORMAL_AFTER_DAYS
        if close is not None and (published - close).days >= STALE_AFTER_DAYS:
            continue
        if key not in cued and close is not None and (published - close).days > after:
            continue
        out.append(d)
    return out
