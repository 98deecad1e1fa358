"""The boilerplate layer on the reference pair, the demo pair, and the rules that make it up."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.classify import classify, classify_one
from tui.compare import compare_documents, load
from tui.demo import DEMO_NEW, DEMO_OLD, demo_bytes
from tui.engine.segment_text import segment_text
from tui.model import Block, Document

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def _text_document(text: str, name: str = "text") -> Document:
    blocks, trailer = segment_text(text)
    return Document(source=name, format="text", blocks=blocks, trailer=trailer)


def _labels(document: Document) -> list[tuple[str, str | None]]:
    return [(b.role, b.category) for b in document.blocks]


@pytest.fixture(scope="module")
def seed_pair() -> tuple[Document, Document]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent (the reference pair lives outside the repository)")
    old, new = sorted(SEEDS.glob("0*.txt"))
    return classify(load(str(old)), load(str(new)))


def test_seed_old_side_metadata_and_boilerplate(seed_pair: tuple[Document, Document]) -> None:
    old, _ = seed_pair
    metadata = [(b.plain, b.category) for b in old.blocks if b.role == "metadata"]
    assert [c for _, c in metadata] == ["title", "date"]
    assert metadata[0][0].startswith("Kremlin Applauds")
    boilerplate = {b.plain: b.category for b in old.blocks if b.role == "boilerplate"}
    assert len(boilerplate) == 4
    caption = next(p for p in boilerplate if p.startswith("Putin's spokesman"))
    assert boilerplate[caption] == "photo-credit"
    related = next(p for p in boilerplate if p.startswith("Related article:"))
    assert boilerplate[related] == "related-link"
    assert boilerplate["Original url:"] == "source-link"
    url = next(p for p in boilerplate if p.startswith("https://"))
    assert boilerplate[url] == "source-link"
    assert sum(b.role == "body" for b in old.blocks) == 10


def test_seed_new_side_appeal_is_one_donation_region(seed_pair: tuple[Document, Document]) -> None:
    _, new = seed_pair
    body = [b for b in new.blocks if b.role == "body"]
    assert len(body) == 10
    appeal = [b for b in new.blocks if b.role == "boilerplate"]
    assert appeal[0].plain == "A Message from The Moscow Times:"
    assert appeal[-2].plain.endswith("Thank you for standing with us.")
    assert appeal[-1].plain == "Remind me later."
    assert len(appeal) == 8
    assert {b.region for b in appeal} == {appeal[0].region} and appeal[0].region is not None
    assert all(b.category == "donation-appeal" for b in appeal[:-1])
    assert appeal[-1].category in ("donation-appeal", "navigation")
    assert all(b.reasons for b in appeal)


def test_seed_verdict_body_unchanged(seed_pair: tuple[Document, Document]) -> None:
    comparison = compare_documents(*seed_pair)
    assert comparison.summary.body_changed is False
    assert comparison.summary.verdict.startswith("Article body unchanged")
    body_rows = [r for r in comparison.rows if r.lane == "body"]
    assert len(body_rows) == 10 and {r.op for r in body_rows} == {"formatting", "equal"}


def test_demo_body_paragraphs_are_never_boilerplate() -> None:
    old = load("old.md", data=demo_bytes(DEMO_OLD))
    new = load("new.txt", data=demo_bytes(DEMO_NEW))
    appeal_start = next(i for i, b in enumerate(new.blocks) if b.plain.startswith("A Message from"))
    old_body = [b for b in old.blocks if b.id >= 4 and not b.plain.startswith(("Related", "Original", "http"))]
    labelled_old, labelled_new = classify(old, new)
    for labelled, body in ((labelled_old, old_body), (labelled_new, list(new.blocks[:appeal_start]))):
        for block in body:
            assert labelled.blocks[block.id].role == "body", block.plain
    # And each side alone, without the other version to lean on.
    alone_new = classify_one(new)
    assert all(b.role == "body" for b in alone_new.blocks[:appeal_start])
    assert {b.category for b in alone_new.blocks[appeal_start:]} <= {"donation-appeal", "navigation"}
    alone_old = classify_one(old)
    assert all(alone_old.blocks[b.id].role == "body" for b in old_body)


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("Sign up for our Morning Briefing newsletter, delivered to your inbox every weekday.", "newsletter"),
        ("Related: Three more ferries cancelled as the strike spreads", "related-link"),
        ("Read more: The long fight over the eastern promenade", "related-link"),
        ("Originally published at harbourwatch.example on 2 March.", "source-link"),
        ("https://example.org/news/2026/ferry-strike", "source-link"),
        ("Share this article", "share-prompt"),
        ("We use cookies to improve your experience. Accept all or manage preferences.", "consent"),
        ("Already a subscriber? Log in to continue reading.", "consent"),
        ("Advertisement", "navigation"),
        ("Advert", "navigation"),
        ("Continue reading the main story", "navigation"),
        ("Image 3 of 12", "navigation"),
        ("Also read | Harbour barrier: what the delay means for the marina", "related-link"),
        ("Related Topics", "related-link"),
        ("Facebook Twitter LinkedIn Email", "share-prompt"),
        ("Skip to main content", "navigation"),
        ("Remind me later.", "navigation"),
        ("Marta Lind is a staff reporter covering the coast and its fisheries for Coastline Press.", "author-bio"),
        ("12 comments", "comments"),
        ("© 2026 Coastline Press. All rights reserved.", "footer"),
        ("The quay at dawn on Tuesday. Photo: Ines Varga / Coastline Press", "photo-credit"),
        ("Crews repair the sea wall. (AP Photo/Jonas Berg)", "photo-credit"),
        ("Please support independent journalism: every contribution keeps a reporter in the room.", "donation-appeal"),
        ("Kaia Berg/Getty Images Ferry crews wait on the quay as the strike enters its third day.", "photo-credit"),
        ("SWNS", "photo-credit"),
        ("Rates and terms apply. Coastline Press may receive compensation from partners in this module.", "footer"),
        ("Morning headlines and the tide tables, every weekday.", "newsletter"),
        ("Ferry crews rally at the quay in Harbourside, Tuesday, Nov. 19, 2019.", "photo-credit"),
        ("See it now: Amazon", "navigation"),
        ("Use code FERRY20 to get it at Harbour Outfitters for $79.99", "navigation"),
        ("HBR HARBOUR FERRIES INC. 25.86 -1.99 -5.44%", "navigation"),
        ("Visit Coastline Press's homepage for more stories.", "navigation"),
        ("This sponsored deal is brought to you by Harbour Outfitters.", "navigation"),
        ("This Acme Marine Corp. illustration shows a concept of the company's floating barrier.", "photo-credit"),
    ],
)
def test_each_category_is_recognised(line: str, category: str) -> None:
    document = _text_document(
        "The council met on Monday to discuss the barrier, and the meeting ran late into the night.\n\n"
        f"{line}\n\n"
        "Residents said they would return for the hearing in April, when the engineers present their report."
    )
    labelled = classify_one(document)
    block = labelled.blocks[1]
    assert (block.role, block.category) == ("boilerplate", category), block.reasons
    assert block.reasons
    assert labelled.blocks[0].role == labelled.blocks[2].role == "body"


@pytest.mark.parametrize(
    "line",
    [
        "A decision is now expected in May.",
        "The council said the share of homes at risk had doubled since 2019.",
        "Related questions about cost were left for the hearing, Olsen said.",
        "Fishermen said they would support the plan only if the gates stayed open during the season.",
        "“We are not against protecting homes,” he said.",
        "The ferry operator declined to comment on the fares to Reuters.",
        "Season tickets for the new crossing will cost 12 euros (about $13/month for commuters).",
        "WHO PAYS FOR THE BARRIER?",
        "The app sends push notifications when a ferry is cancelled, the operator said.",
        "Residents who want to keep reading the council's minutes can find them at the library.",
        "The newspaper's commenting guidelines were rewritten after the row, its editor said.",
        "Reuters said its Trust Principles require it to be impartial.",
        "The council will vote on the barrier on Tuesday, Nov. 19, 2019.",
        "The map shows the flood zone growing by a third since 2019.",
        "Shop now or pay more later, the retailers' association warned on Monday.",
        "Use of the old ferry code was banned in 2019, the operator said.",
        "The council said it would report an error in last year's accounts to the auditor.",
        "Subscribers can get the app for free, the company said on Tuesday.",
        "Sign-ups for the newsletter doubled after the storm, the council said.",
        "Copyright lawyers for the architects said the design was theirs.",
        "The post was shared 40,000 times before it was taken down.",
        "Thank you for reading the report so carefully, Olsen told the committee.",
        "The hospitals' hardest question has been argued over for years: the electronic patient record (ePA)",
    ],
)
def test_article_sentences_that_share_words_with_boilerplate_stay_body(line: str) -> None:
    document = _text_document(
        "The council met on Monday to discuss the barrier, and the meeting ran late into the night.\n\n"
        f"{line}\n\n"
        "Residents said they would return for the hearing in April, when the engineers present their report."
    )
    assert [b.role for b in classify_one(document).blocks] == ["body", "body", "body"]


@pytest.mark.parametrize(
    "line",
    [
        "Story continues below advertisement",
        "Send any friend a story",
        "As a subscriber, you have 10 gift articles to give each month. Anyone can read what you share.",
        "Toggle caption",
        "Image source, Getty Images",
        "Photograph: Jonas Berg/Reuters",
        "Explore more on these topics",
        "CLICK HERE TO GET THE FOX NEWS APP",
        "Ad Feedback",
        "Your browser does not support the video tag.",
        "View this post on Instagram",
        "Get push notifications with news, features and more.",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "Reporting by Jonas Berg; Editing by Ines Varga",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "Please read our commenting guidelines before posting.",
        "Please enable JavaScript to view the comments powered by Disqus.",
        "You have 3 free articles left this month.",
        "Create a free account to keep reading.",
        "Click to share on Twitter (Opens in new window)",
        "This story has been shared 1,234 times.",
        "Found a typo? Let us know",
        "Thank you for reading.",
        "Copyright 2019 The Associated Press. All rights reserved.",
        "Media playback is unsupported on your device",
        "Why you can trust Coastline Press",
        "Marta Lind Submitted photo",
        "Follow @CoastlinePress on X to keep up with the latest from the harbour and the islands.",
    ],
)
def test_the_furniture_of_common_news_sites_added_to_one_version_is_boilerplate(line: str) -> None:
    article = (
        "The council met on Monday to discuss the barrier, and the meeting ran late into the night.\n\n"
        "Residents said they would return for the hearing in April, when the engineers present their report."
    )
    first, last = article.split("\n\n")
    _, new = classify(_text_document(article), _text_document(f"{first}\n\n{line}\n\n{last}"))
    assert [b.role for b in new.blocks] == ["body", "boilerplate", "body"], new.blocks[1].reasons
    assert new.blocks[1].category is not None


def test_metadata_headline_date_byline() -> None:
    document = load(
        "a.md",
        data=b"# Ferry strike spreads to the islands\n\nMarch 4, 2026\n\nBy Ines Varga\n\n"
        b"The strike that began on the mainland reached the island routes on Tuesday, stranding hundreds.\n",
    )
    labelled = classify_one(document)
    assert _labels(labelled)[:3] == [("metadata", "title"), ("metadata", "date"), ("metadata", "byline")]
    assert labelled.blocks[3].role == "body"
    assert labelled.title == "Ferry strike spreads to the islands"
    assert labelled.date == "March 4, 2026"


def test_short_neutral_lines_inside_an_appeal_inherit_its_category() -> None:
    document = _text_document(
        "The ferry company said services would resume on Friday if the talks went well over the weekend.\n\n"
        "A Message from Coastline Press:\n\n"
        "Dear friends,\n\n"
        "Hello again.\n\n"
        "Local reporting takes time, and fewer newsrooms can afford to send someone to every meeting.\n\n"
        "If you can, please make a contribution today. Thank you for your support."
    )
    labelled = classify_one(document)
    appeal = labelled.blocks[1:]
    assert all(b.role == "boilerplate" and b.category == "donation-appeal" for b in appeal), _labels(labelled)
    assert len({b.region for b in appeal}) == 1
    assert labelled.blocks[0].role == "body"


def test_an_appeal_region_never_swallows_article_text_shared_with_the_other_version() -> None:
    article = [
        "The ferry company said services would resume on Friday if the talks went well over the weekend.",
        "Union leaders said they had not yet seen the company's latest offer, which was sent late on Thursday.",
        "Islanders who rely on the morning crossing have been driving to the mainland port instead.",
    ]
    old = _text_document("\n\n".join(article))
    new = _text_document("\n\n".join([article[0], "A Message from Coastline Press:", *article[1:]]))
    _, labelled = classify(old, new)
    assert [b.role for b in labelled.blocks] == ["body", "boilerplate", "body", "body"]


def test_one_version_only_tips_a_borderline_block_but_shared_text_stays_body() -> None:
    base = (
        "The harbour master said the channel would be dredged this summer, before the autumn storms arrive.\n\n"
        "Crews began on the western quay on Monday morning and expect to finish within three weeks."
    )
    borderline = "Listen to this story"
    old = _text_document(base)
    new = _text_document(base + f"\n\n{borderline}")
    labelled_old, labelled_new = classify(old, new)
    assert labelled_new.blocks[-1].role == "boilerplate"
    assert any("only in the new version" in r for r in labelled_new.blocks[-1].reasons)
    assert all(b.role == "body" for b in labelled_old.blocks)
    assert all(b.role == "body" for b in labelled_new.blocks[:-1])


def test_a_line_in_both_versions_that_matches_the_lexicon_stays_boilerplate() -> None:
    text = (
        "The harbour master said the channel would be dredged this summer, before the autumn storms arrive.\n\n"
        "Advertisement\n\n"
        "Crews began on the western quay on Monday morning and expect to finish within three weeks."
    )
    old, new = classify(_text_document(text), _text_document(text))
    for side in (old, new):
        assert [b.role for b in side.blocks] == ["body", "boilerplate", "body"]
        assert side.blocks[1].category == "navigation"


_PAGE_WITH_SOURCES = (
    "<html><body><article><h1>Harbour barrier delayed</h1>"
    "<p>The council voted on Tuesday to delay the harbour barrier by a year, after engineers asked for more time"
    " to study the winter storms that damaged the western quay.</p>"
    "<ul><li><a href='/report.pdf'>The engineers' report to the council</a></li>"
    "<li><a href='/minutes'>Minutes of Tuesday's council meeting</a></li></ul>"
    "<p>Residents will be able to comment on the new plan at a public hearing before the end of April,"
    " the council said.</p></article>"
    "<aside class='related'><ul><li><a href='/a'>Ferry strike spreads to the islands</a></li></ul></aside>"
    "</body></html>"
)


def test_lines_the_other_version_holds_as_article_text_are_body() -> None:
    # The old version is the article's text as a newsletter carried it; the new one is the page. Its list of
    # sources is all links (furniture on its own), but the old version prints those lines as part of the story.
    old = _text_document(
        "The council voted on Tuesday to delay the harbour barrier by a year, after engineers asked for more time"
        " to study the winter storms that damaged the western quay.\n\n"
        "The engineers' report to the council\n\n"
        "Minutes of Tuesday's council meeting\n\n"
        "Residents will be able to comment on the new plan at a public hearing before the end of April,"
        " the council said."
    )
    new = load("page.html", data=_PAGE_WITH_SOURCES.encode())
    alone = {b.plain: b.role for b in classify_one(new).blocks}
    assert alone["The engineers' report to the council"] == "boilerplate"
    _, labelled = classify(old, new)
    roles = {b.plain: (b.role, b.reasons) for b in labelled.blocks}
    for line in ("The engineers' report to the council", "Minutes of Tuesday's council meeting"):
        assert roles[line][0] == "body", roles[line]
        assert "article text in the old version too" in roles[line][1]
    assert roles["Ferry strike spreads to the islands"][0] == "boilerplate"


def test_a_lone_url_between_article_paragraphs_of_both_versions_is_the_articles_own_line() -> None:
    # A shopping list: each item's link is a lone URL. Between two lines both versions hold as article
    # text it is part of the story; the same URL after the story is where it came from.
    text = (
        "The market reopened on Saturday with forty stalls, twice as many as last year, the organisers said.\n\n"
        "Three things worth buying before the frost:\n\n"
        "1) A hand-thrown teapot from the potters of Kessel Lane\n\n"
        "https://example.org/stalls/kessel-lane\n\n"
        "2) Smoked eel from the harbour smokehouse, sold by weight\n\n"
        "The market runs every Saturday until Christmas, from eight in the morning until two in the afternoon.\n\n"
        "https://example.org/news/2026/market-reopens"
    )
    old, new = classify(_text_document(text), _text_document(text))
    for side in (old, new):
        roles = {b.plain: (b.role, b.category, b.reasons) for b in side.blocks}
        inside = roles["https://example.org/stalls/kessel-lane"]
        assert inside[0] == "body", inside
        assert "in both versions, between article paragraphs" in inside[2]
        assert roles["https://example.org/news/2026/market-reopens"][:2] == ("boilerplate", "source-link")
    # Written as Markdown, the URL is also a link: that is what "a lone URL" says already, not a second sign.
    markdown = text.replace("https://example.org/stalls/kessel-lane", "<https://example.org/stalls/kessel-lane>")
    old, new = classify(load("a.md", data=markdown.encode()), load("b.md", data=markdown.encode()))
    inside = next(b for b in new.blocks if "kessel-lane" in b.plain and "stalls" in b.plain)
    assert inside.role == "body", inside.reasons
    # A phrase that names what a line is holds wherever it stands.
    related = text.replace("https://example.org/stalls/kessel-lane", "Related: Kessel Lane potters win a prize")
    old, new = classify(_text_document(related), _text_document(related))
    assert [(b.role, b.category) for b in new.blocks if b.plain.startswith("Related")] == [
        ("boilerplate", "related-link")
    ]


def test_words_inside_a_differently_cut_paragraph_of_the_other_version_count_as_shared() -> None:
    sentence = "Engineers asked for more time to study the winter storms that damaged the western quay."
    old = _text_document(
        "The council voted on Tuesday to delay the harbour barrier by a year. " + sentence + " The vote was close."
    )
    page = (
        "<html><body><p>The council voted on Tuesday to delay the harbour barrier by a year.</p>"
        f"<figure><figcaption>{sentence}</figcaption></figure><p>The vote was close.</p></body></html>"
    )
    _, labelled = classify(old, load("page.html", data=page.encode()))
    caption = next(b for b in labelled.blocks if b.plain == sentence)
    assert caption.role == "body", caption.reasons


def test_html_structure_hints_are_a_signal() -> None:
    page = (
        "<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World news</a></li></ul></nav>"
        "<article><h1>Ferry strike spreads</h1>"
        "<p>The strike that began on the mainland reached the island routes on Tuesday, stranding hundreds of"
        " passengers at the port overnight.</p>"
        "<figure><figcaption>Passengers wait at the port on Tuesday night.</figcaption></figure>"
        "<aside class='related'><p><a href='/a'>Why the island ferries keep breaking down</a></p></aside>"
        "<p>Talks resume on Friday, the union said, and services could restart at the weekend if they go well.</p>"
        "</article><footer><p>Contact the newsroom</p></footer></body></html>"
    )
    document = load("page.html", data=page.encode())
    labelled = classify_one(document)
    roles = {b.plain: (b.role, b.category) for b in labelled.blocks}
    assert roles["Home"] == ("boilerplate", "navigation")
    assert roles["World news"][0] == "boilerplate"
    assert roles["Ferry strike spreads"] == ("metadata", "title")
    assert roles["Passengers wait at the port on Tuesday night."] == ("boilerplate", "photo-credit")
    assert roles["Why the island ferries keep breaking down"][0] == "boilerplate"
    assert roles["Contact the newsroom"] == ("boilerplate", "footer")
    body = [b.plain for b in labelled.blocks if b.role == "body"]
    assert len(body) == 2 and body[0].startswith("The strike") and body[1].startswith("Talks resume")
    reason = next(b for b in labelled.blocks if b.plain == "Home").reasons
    assert any("nav" in r for r in reason)


def test_what_a_page_keeps_hidden_until_the_reader_acts_is_not_the_story() -> None:
    story = (
        "<p>The harbour board approved the new ferry timetable on Monday after a year of complaints from"
        " island residents about cancelled crossings.</p>"
    )
    page = (
        "<html><body><article class='story'>"
        + story
        + "<div class='ugc-upload-form-view'><h2>Oops!</h2><p>Your upload did not go through.</p></div>"
        "<div class='controls hide'><p>Zoom</p></div>"
        "<div class='field field--label-hidden'><p>Crossings resume at six each morning, the board said,"
        " and the last boat leaves at ten.</p></div>"
        "</article></body></html>"
    )
    labelled = classify_one(load("page.html", data=page.encode()))
    roles = {b.plain: (b.role, b.category) for b in labelled.blocks}
    assert roles["Your upload did not go through."] == ("boilerplate", "navigation")
    assert roles["Zoom"] == ("boilerplate", "navigation")
    # Drupal's "field--label-hidden" hides a field's label, not the article text inside it.
    assert roles["Crossings resume at six each morning, the board said, and the last boat leaves at ten."][0] == "body"


def test_works_without_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)  # the import fails as if not installed
    page = "<html><body><nav><a href='/'>Home</a></nav><p>" + "Words of the article. " * 20 + "</p></body></html>"
    document = load("page.html", data=page.encode())
    labelled = classify_one(document, html=page)
    assert [b.role for b in labelled.blocks] == ["boilerplate", "body"]


def test_every_block_is_labelled_and_nothing_else_changes() -> None:
    old = load("old.md", data=demo_bytes(DEMO_OLD))
    new = load("new.txt", data=demo_bytes(DEMO_NEW))
    for before, after in zip((old, new), classify(old, new), strict=True):
        assert after.rebuild() == before.rebuild()
        assert len(after.blocks) == len(before.blocks)
        for b0, b1 in zip(before.blocks, after.blocks, strict=True):
            assert (b0.id, b0.text, b0.plain, b0.prefix) == (b1.id, b1.text, b1.plain, b1.prefix)
            assert 0.0 <= b1.confidence <= 1.0
            assert b1.role in ("body", "boilerplate", "metadata")
            assert (b1.category is None) == (b1.role == "body")
            assert (b1.region is not None) == (b1.role == "boilerplate")


def test_empty_documents() -> None:
    empty = Document(source="e", format="text", blocks=())
    old, new = classify(empty, empty)
    assert old.blocks == () and new.blocks == ()
    one = Document(source="x", format="text", blocks=(Block(id=0, kind="paragraph", text="Hello.", plain="Hello."),))
    assert classify(empty, one)[1].blocks[0].role == "body"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=80),
        min_size=0,
        max_size=12,
    ),
    st.lists(st.sampled_from(["Remind me later.", "Advertisement", "A Message from X:", "Dear readers,", "\x1b[31m"])),
)
def test_any_text_is_labelled_without_error(lines: list[str], extras: list[str]) -> None:
    text = "\n\n".join([*lines, *extras])
    document = _text_document(text)
    for labelled in (classify_one(document), *classify(document, _text_document(text[::-1]))):
        for block in labelled.blocks:
            assert block.role in ("body", "boilerplate", "metadata")
            assert (block.category is None) == (block.role == "body")
            assert 0.0 <= block.confidence <= 1.0


def test_a_tiny_article_keeps_a_sentence_the_other_version_lacks() -> None:
    # Two tiny plain-text files: a sentence is not page furniture for being in one version only.
    longer = _text_document("Hello world.\n\nSecond para.\n")
    shorter = _text_document("Second para.\n")
    for labelled in (*classify(longer, shorter), *classify(shorter, longer)):
        assert all(b.role == "body" for b in labelled.blocks), _labels(labelled)


def test_a_related_list_in_plain_text_ends_at_the_next_sentence_of_the_article() -> None:
    document = _text_document(
        "The council voted on Tuesday to delay the harbour barrier by a year, after engineers asked for more time.\n\n"
        "Related articles\n\n"
        "Ferry strike spreads to the islands\n\n"
        "Storm damage bill passes ten million\n\n"
        "Residents will be able to comment on the new plan at a public hearing before the end of April.\n\n"
        "The engineers are expected to publish their report in the spring, the council said on Tuesday evening."
    )
    roles = [b.role for b in classify_one(document).blocks]
    assert roles == ["body", "boilerplate", "boilerplate", "boilerplate", "body", "body"]


def test_a_markdown_image_is_a_picture_not_a_link() -> None:
    """``![alt](#)`` keeps its alt text in link-like markup; it is still a photo, not a related link."""
    from tui.compare import compare_documents, load

    old = (
        b"# Title\n\n![Boats moored at the quay](photo.jpg)\n\n"
        b"The council met on Monday to discuss the barrier and its cost.\n"
    )
    new = b"The council met on Monday to discuss the barrier and its cost.\n"
    comparison = compare_documents(load("old.md", data=old), load("new.txt", data=new))
    image = comparison.old.blocks[1]
    assert image.kind == "image"
    assert (image.role, image.category) == ("boilerplate", "photo-credit")


def test_a_run_of_headline_links_inside_the_article_container_is_a_list_of_other_stories() -> None:
    """No "Related" heading opens it and its container says article text; its shape still gives it away."""
    paragraph = (
        "<p>The probe will fly past the moon forty times, measuring the ice shell and the ocean beneath it,"
        " the agency said on Tuesday.</p>"
    )
    links = "".join(
        f"<li><a href='/{n}'>{title}</a></li>"
        for n, title in enumerate(
            (
                "Europa Mission Could Spot Signs of Alien Life",
                "Twin Telescopes on a Hawaiian Volcano Look Deeper",
                "Private Lunar Landers Plan a Crowded Year Ahead",
            )
        )
    )
    own_links = (
        "<li><a href='/p'>The agency's mission page, with the full timeline.</a></li>"
        "<li><a href='/q'>The launch schedule for the coming decade.</a></li>"
        "<li><a href='/r'>The science team's list of instruments on board.</a></li>"
    )
    page = (
        f"<html><body><div class='article-body'>{paragraph}<ul>{own_links}</ul>{paragraph}"
        f"<ul>{links}</ul>{paragraph}</div></body></html>"
    )
    labelled = classify_one(load("page.html", data=page.encode()))
    roles = {b.plain: (b.role, b.category) for b in labelled.blocks}
    assert roles["Europa Mission Could Spot Signs of Alien Life"] == ("boilerplate", "related-link")
    assert roles["Private Lunar Landers Plan a Crowded Year Ahead"] == ("boilerplate", "related-link")
    assert roles["The launch schedule for the coming decade."][0] == "body"
    reasons = next(b.reasons for b in labelled.blocks if b.plain.startswith("Twin"))
    assert any("headline-like links in a row" in r for r in reasons)
    # Two snapshots of the page: each reads the run as a list of other stories, so neither vouches for the
    # other's as "article text in both versions".
    document = load("page.html", data=page.encode())
    alone = [b.role for b in classify_one(document, html=page).blocks]
    assert alone == [b.role for b in labelled.blocks]  # the extractor agrees
    for snapshot in classify(document, document, old_html=page, new_html=page):
        assert [b.role for b in snapshot.blocks] == alone


def test_in_plain_text_an_unnamed_line_added_after_the_article_is_a_change_not_furniture() -> None:
    """Text has no tags: a line of a dozen words with no full stop, only in one version, after the article's
    last paragraph, may be another story's title or the article's new subhead. Nothing names it furniture,
    so it is shown as a change: a false alarm costs a glance, a hidden edit costs the product."""
    article = (
        "The harbour master said the channel would be dredged this summer, before the autumn storms arrive.\n\n"
        "Dredging the approach will close the marina\u2019s outer berths for about three weeks in August\n\n"
        "Crews began on the western quay on Monday morning and expect to finish within three weeks."
    )
    teaser = "Storm damage bill for the northern breakwater doubles as insurers pull out of the coast"
    comparison = compare_documents(_text_document(article), _text_document(article + f"\n\n{teaser}"))
    assert comparison.new.blocks[-1].role == "body"
    assert comparison.summary.body_changed
    assert all(b.role == "body" for b in comparison.old.blocks)


def test_the_summaries_of_a_grid_of_teaser_cards_are_boilerplate_even_inside_an_article() -> None:
    """Each card repeats one shape: a headline link in its header, then a sentence of summary."""
    article = "".join(
        f"<p>{sentence}</p>"
        for sentence in (
            "The council voted on Tuesday to delay the harbour barrier by a year, citing the rising cost of steel.",
            "Engineers had warned that the original design would not survive a storm of the kind seen in 2014.",
            "Work on the western quay will continue, the harbour master said, and the marina stays open.",
        )
    )
    cards = "".join(
        "<div class='card'><header class='card-head'><h2 class='title'>"
        f"<a href='/{n}'>{title}</a></h2></header>"
        f"<div class='card-summary'><p>{summary}</p></div></div>"
        for n, (title, summary) in enumerate(
            (
                ("Ferry Strike Spreads to the Island Routes", "Hundreds of passengers spent the night at the port."),
                ("A Lighthouse Keeper Retires After Forty Years", "She kept the lamp lit through nine winters alone."),
                (
                    "Fishing Quotas Cut Again for the Coming Season",
                    "Skippers say the smaller boats will not survive it.",
                ),
            )
        )
    )
    page = (
        f"<html><body><article><div class='story'>{article}</div>"
        f"<section class='more'>{cards}</section></article></body></html>"
    )
    labelled = classify_one(load("page.html", data=page.encode()))
    roles = {b.plain: b.role for b in labelled.blocks}
    assert roles["She kept the lamp lit through nine winters alone."] == "boilerplate"
    assert roles["Skippers say the smaller boats will not survive it."] == "boilerplate"
    assert all(b.role == "body" for b in labelled.blocks if b.plain.startswith(("The council", "Engineers", "Work on")))
    reasons = next(b.reasons for b in labelled.blocks if b.plain.startswith("She kept"))
    assert any("teaser card" in r for r in reasons)


def test_the_headline_is_the_h1_when_a_later_heading_repeats_only_part_of_it() -> None:
    """A section head or recipe card that echoes the page title is not the headline when the <h1> says more."""
    page = (
        "<html><head><title>Harbour barrier delayed: what it means | Coastline Press</title></head><body>"
        "<h1>Harbour barrier delayed by a year as steel costs rise</h1>"
        "<p>The council voted on Tuesday to delay the harbour barrier by a year, citing the rising cost of steel.</p>"
        "<h2>Harbour barrier delayed</h2>"
        "<p>Engineers had warned that the original design would not survive a storm like the one in 2014.</p>"
        "</body></html>"
    )
    labelled = classify_one(load("page.html", data=page.encode()))
    roles = {b.plain: (b.role, b.category) for b in labelled.blocks}
    assert roles["Harbour barrier delayed by a year as steel costs rise"] == ("metadata", "title")
    assert roles["Harbour barrier delayed"][0] == "body"


def test_a_byline_that_carries_its_date_is_a_byline_however_long() -> None:
    document = _text_document(
        "By Marta Lind and Jonas Berg on Monday, November 18th, 2026 at 11:08 a.m.\n\n"
        "The council voted on Tuesday to delay the harbour barrier by a year, citing the rising cost of steel.\n\n"
        "By the end of the meeting, the engineers and the council had agreed on a new timetable for the work."
    )
    labelled = classify_one(document)
    assert (labelled.blocks[0].role, labelled.blocks[0].category) == ("metadata", "byline")
    assert [b.role for b in labelled.blocks[1:]] == ["body", "body"]


def test_headings_back_to_back_are_other_stories_titles_but_an_articles_subheads_are_not() -> None:
    text = (
        "# Harbour barrier delayed\n\n"
        "The council voted on Tuesday to delay the harbour barrier by a year, citing the rising cost of steel.\n\n"
        "## What the engineers said about the design\n\n"
        "Engineers had warned that the original design would not survive a storm like the one in 2014.\n\n"
        "## When the work on the quay resumes\n\n"
        "Work on the western quay will continue, the harbour master said, and the marina stays open.\n\n"
        "## Ferry strike spreads to the island routes overnight\n\n"
        "## A lighthouse keeper retires after forty years alone\n\n"
        "## Fishing quotas are cut again for the coming season\n"
    )
    labelled = classify_one(load("page.md", data=text.encode()))
    roles = {b.plain: b.role for b in labelled.blocks}
    assert roles["Ferry strike spreads to the island routes overnight"] == "boilerplate"
    assert roles["Fishing quotas are cut again for the coming season"] == "boilerplate"
    assert roles["What the engineers said about the design"] == "body"
    assert roles["When the work on the quay resumes"] == "body"


def test_excerpts_of_other_posts_are_related_links() -> None:
    article = "<p>" + "The council voted on Tuesday to delay the harbour barrier by a year. " * 3 + "</p>"
    excerpt = "Skippers say the smaller boats will not survive another cut; the union has called a meeting for Friday."
    page = (
        f"<html><body><article>{article}</article><div class='more-posts-view'><article>"
        f"<div class='post-excerpt'>{excerpt}</div></article></div></body></html>"
    )
    labelled = classify_one(load("page.html", data=page.encode()))
    roles = {b.plain: (b.role, b.category) for b in labelled.blocks}
    assert roles[excerpt] == ("boilerplate", "related-link")
    assert roles[article[3:-4].strip()][0] == "body"


def test_long_comments_and_long_author_bios_follow_their_boxes() -> None:
    """A reader's comment or an author's bio can run to a long paragraph; the box it sits in still names it."""
    article = "<p>" + "The council voted on Tuesday to delay the harbour barrier by a year. " * 4 + "</p>"
    comment = "I have fished out of this harbour for years and " + "the barrier will not help us, " * 8 + "sadly."
    bio = "Marta Lind grew up on the coast and writes about " + "the fleets, the quays and the storms, " * 8 + "too."
    page = (
        f"<html><body><article>{article}<div class='author-description'><p>{bio}</p></div></article>"
        f"<section class='comments-area'><div class='comment-body'><p>{comment}</p></div></section></body></html>"
    )
    labelled = classify_one(load("page.html", data=page.encode()))
    roles = {b.plain: (b.role, b.category) for b in labelled.blocks}
    assert roles[comment] == ("boilerplate", "comments")
    assert roles[bio] == ("boilerplate", "author-bio")
    assert roles[article[3:-4].strip()][0] == "body"


def test_a_widget_box_is_furniture_but_a_page_builders_widget_classes_are_not() -> None:
    sentence = "The council voted on Tuesday to delay the harbour barrier by a year, citing the cost of steel."
    page = (
        f"<html><body><div class='elementor-widget-text-editor'><p>{sentence}</p></div>"
        "<div class='widget'><p>Sea wall repairs finish two weeks ahead of schedule, say engineers</p></div>"
        "</body></html>"
    )
    labelled = classify_one(load("page.html", data=page.encode()))
    roles = {b.plain: b.role for b in labelled.blocks}
    assert roles[sentence] == "body"
    assert roles["Sea wall repairs finish two weeks ahead of schedule, say engineers"] == "boilerplate"


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("The vote was close.", True),
        ("“We are not against protecting homes,” he said.", True),
        ("He called it “a wall between us and the sea.”", True),
        ("(The council has not yet published the report.)", True),
        ("SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'", False),
        ("Out There (Grand Central Publishing, 2018)", False),
        ("Three things worth buying before the frost:", True),
    ],
)
def test_a_quote_or_bracket_closing_after_a_word_does_not_end_a_sentence(text: str, sentence: bool) -> None:
    from tui.classify.signals import ends_like_sentence

    assert ends_like_sentence(text) is sentence


def test_a_sentence_that_is_all_link_text_added_to_one_version_is_a_teaser_not_the_article() -> None:
    first = "The council voted on Tuesday to delay the harbour barrier by a year, citing the cost of steel."
    last = "Residents will be able to comment on the new plan at a public hearing before the end of April."
    teaser = (
        "In each episode of his weekly show, our harbour correspondent takes a closer look at the stories"
        " behind the headlines from the coast."
    )
    linked = "The <a href='/report'>engineers' report</a> warned that the western quay could fail in a storm surge."

    def page(*paragraphs: str) -> bytes:
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        return f"<html><body><article>{body}</article></body></html>".encode()

    old = load("old.html", data=page(first, last))
    new = load("new.html", data=page(first, f"<a href='/show'>{teaser}</a>", linked, last))
    _, labelled = classify(old, new)
    roles = {b.plain: (b.role, b.reasons) for b in labelled.blocks}
    assert roles[teaser][0] == "boilerplate", roles[teaser]
    added = "The engineers' report warned that the western quay could fail in a storm surge."
    assert roles[added][0] == "body", roles[added]


@pytest.mark.parametrize(
    ("text", "addressed"),
    [
        ("We use cookies to give you the best experience.", True),
        ("Join The Ridgeline Post for the morning briefing.", True),
        ("• Donate today and double your impact.", True),
        ("Donate Life Week begins on Sunday with events at hospitals.", False),
        ("Sales at the US bakery chain fell by a third last year.", False),
        ("“Our privacy policy was rewritten last spring,” the chief executive told MPs.", False),
        ("Tell us what you think of the new layout.", True),
    ],
)
def test_a_block_speaks_to_the_reader_outside_quoted_speech(text: str, addressed: bool) -> None:
    from tui.classify.lexicon import load_lexicon
    from tui.classify.signals import facts_of

    block = Block(id=0, kind="paragraph", text=text, plain=text)
    assert facts_of(block, load_lexicon(("en",))).addressed is addressed


def test_a_headline_link_or_a_donation_box_set_into_the_body_of_one_version_is_not_an_article_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where a block sits (the article container, an extractor's main text) counts half for a block whose markup
    names it, a lone linked headline of another story or a box marked as an appeal, so a promotion that one
    snapshot sets into the body is furniture, not an edit. A linked sentence of the article stays body."""
    import tui.classify as classify_module
    from tui.classify.extraction import Extraction
    from tui.classify.lexicon import block_key

    paragraph = (
        "<p>The council voted on Tuesday to close the harbour road to lorries from March, after a year of"
        " complaints from the families who live along it.</p>"
    )
    promotions = (
        "<p><strong><a href='/2021/06/ferry-fares'>Ferry fares to rise for the first time in a decade</a>"
        "</strong></p><div class='donation-box'><h3>Journalism that holds power to account</h3></div>"
        "<p><a href='/ruling.pdf'>The council's full decision, as published on Tuesday.</a></p>"
    )

    def page(inserted: str) -> str:
        return (
            "<html><body><div class='article-body'><h1>Harbour road to close to lorries</h1>"
            f"{paragraph}{inserted}{paragraph}</div></body></html>"
        )

    old, new = (load("page.html", data=page(inserted).encode()) for inserted in ("", promotions))
    # An extractor that takes in every block, as extractors do with furniture set into the article body.
    keys = [block_key(b.plain) for b in new.blocks]
    everything = Extraction(lines=frozenset(keys), joined=b"\n".join(keys))
    monkeypatch.setattr(classify_module, "extract", lambda html: everything)
    _, labelled = classify(old, new, old_html=page(""), new_html=page(promotions))
    roles = {b.plain: (b.role, b.category) for b in labelled.blocks}
    assert roles["Ferry fares to rise for the first time in a decade"] == ("boilerplate", "related-link")
    assert roles["Journalism that holds power to account"] == ("boilerplate", "donation-appeal")
    assert roles["The council's full decision, as published on Tuesday."][0] == "body"
    assert all(b.role == "body" for b in labelled.blocks if b.plain.startswith("The council voted"))
    teaser = next(b for b in labelled.blocks if b.plain.startswith("Ferry fares"))
    assert any("names itself" in reason for reason in teaser.reasons)


def test_evidence_that_adds_up_to_the_threshold_on_paper_reaches_it() -> None:
    """3.0 + 1.1 - 1.0 - 0.6 - 2.0 + 1.0 is 1.5 to a reader of the reasons; in floating point it falls 4e-16
    short, and a newsletter prompt swapped between two snapshots was labelled body on one side only."""
    from tui.classify.scorer import THRESHOLD
    from tui.classify.signals import Evidence, Facts

    facts = Facts(count=14, key=b"", hits=[], prose=True, sentence=True)
    for weight in (3.0, 1.1, -1.0, -0.6, -2.0, 1.0):
        facts.add(Evidence(weight, None, "a piece of evidence"))
    assert facts.score >= THRESHOLD


def test_a_video_players_title_that_changes_between_snapshots_is_not_an_article_change() -> None:
    """The line after a player's "Play Video" button is the video's title, however deep in the article it sits:
    swapping the video leaves the article body unchanged, while a real edit beside it is still reported."""
    paragraph = (
        "<p>The committee voted 16-11 to advance the bill, with four Republicans joining all Democrats on the"
        " panel, and it now heads to the full Senate.</p>"
    )

    def page(title: str, last: str) -> bytes:
        return (
            f"<html><body><article><h1>Rail safety bill advances</h1>{paragraph}"
            f"<div><button>Play Video</button> <span>2:14</span></div><p>{title}</p>"
            f"{paragraph}<p>{last}</p></article></body></html>"
        ).encode()

    old = load("old.html", data=page("Residents describe the night the train derailed", "A vote is expected in May."))
    new = load("new.html", data=page("Inside the yard where the tank cars were built", "A vote is expected in June."))
    comparison = compare_documents(old, new)
    titles = [b for b in comparison.new.blocks if b.plain.startswith("Inside the yard")]
    assert [(b.role, b.category) for b in titles] == [("boilerplate", "navigation")]
    body_ops = [r.op for r in comparison.rows if r.lane == "body" and r.op != "equal"]
    assert body_ops == ["modified"]


def test_two_snapshots_of_a_whole_page_keep_its_menus_and_footer_dimmed() -> None:
    menu = ["Home", "World", "Politics", "Business", "Sport", "Culture", "Opinion"]
    footer = ["About us", "Careers", "Advertise with us", "Privacy", "Terms of use", "Site map"]
    story = [
        "The harbour board approved the new ferry timetable on Monday after a year of complaints from island"
        " residents about cancelled crossings and long waits at the mainland terminal.",
        "Under the plan, the first boat will leave at six each morning and the last at ten at night, adding"
        " four crossings a day during the summer months when visitors fill the island's hotels.",
        "Residents who spoke at the meeting welcomed the change but asked the board to publish its figures on"
        " cancellations every month so that they could judge whether the new schedule was kept.",
    ]
    page = _text_document("\n\n".join([*menu, *story, *footer]))
    alone = {b.plain: b.role for b in classify_one(page).blocks}
    # Every block is in both snapshots: the other version's menu lines must not pass for "article text in
    # the old version too", or the shared menus and footer of a real pair of pages would all show as story.
    old, new = classify(page, page)
    for labelled in (old, new):
        roles = {b.plain: b.role for b in labelled.blocks}
        assert all(roles[line] == "boilerplate" for line in menu + footer), roles
        assert all(roles[paragraph] == "body" for paragraph in story)
        assert roles == alone
    # An article's own text with a list at its end only is no page: its list lines still vouch for the
    # same lines on the page.
    times = ["Weekdays", "Saturday mornings", "Sunday evenings", "Bank holidays", "School breaks", "Fair week"]
    article = _text_document("\n\n".join([*story, *times]))
    _, labelled = classify(article, _text_document("\n\n".join([*menu, *story, *times, *footer])))
    roles = {b.plain: b.role for b in labelled.blocks}
    assert all(roles[line] == "body" for line in times), roles
    assert all(roles[line] == "boilerplate" for line in menu + footer), roles


def test_a_caption_between_article_paragraphs_of_two_snapshots_stays_a_caption() -> None:
    # A shopping guide: each product's picture has a one-word credit in its <figcaption>. In two snapshots of
    # the page every block is in both versions and the credits stand between article paragraphs, which
    # makes a bare line the article's own ("a lone URL in a list"); a box that names itself is no such line.
    paragraphs = [
        "The best smart speakers of the year, tested in a real living room for three months by our reviewers.",
        "Our favourite is small enough for a bookshelf and fills a room with sound at half its top volume.",
        "The runner-up costs less than half as much and sounds almost as good, though its bass is thinner.",
    ]
    page = (
        "<html><body><article><p>" + paragraphs[0] + "</p>"
        "<figure><img src='a.jpg' alt=''><figcaption>Sonos</figcaption></figure>"
        "<p>" + paragraphs[1] + "</p>"
        "<figure><img src='b.jpg' alt=''><figcaption>Amazon</figcaption></figure>"
        "<p>" + paragraphs[2] + "</p></article></body></html>"
    )
    document = load("page.html", data=page.encode())
    for labelled in classify(document, document):
        roles = {b.plain: (b.role, b.category) for b in labelled.blocks}
        assert roles["Sonos"] == roles["Amazon"] == ("boilerplate", "photo-credit"), roles
        assert all(roles[p][0] == "body" for p in paragraphs)


def test_a_lone_url_is_not_a_headline_link() -> None:
    from tui.classify.lexicon import load_lexicon
    from tui.classify.signals import facts_of
    from tui.classify.teasers import headline_link

    page = (
        "<html><body><article>"
        "<p><a href='http://www.example.org/2013/02/minister-answers-critics.html'>"
        "http://www.example.org/2013/02/minister-answers-critics.html</a></p>"
        "<p><a href='/a'>Minister answers his critics in a late-night interview</a></p>"
        "</article></body></html>"
    )
    blocks = load("page.html", data=page.encode()).blocks
    lexicon = load_lexicon(("en",))
    assert [headline_link(b, facts_of(b, lexicon)) for b in blocks] == [False, True]


def test_a_subheads_own_id_or_class_made_from_its_words_is_not_furniture_but_its_box_is() -> None:
    # CMSs give a subhead an id or class made from its words: "credit-cards" is no photo credit,
    # "related-research" no box of related links. An enclosing box named like its heading still counts.
    story = (
        "<p>Card rates follow the central bank's rate within a month or two, so a pause means little relief"
        " for borrowers who carry a balance, analysts said on Monday.</p>"
    )
    page = (
        "<html><body><article><h1>What a rate pause means for your money</h1>"
        + story
        + "<h3 id='credit-cards'>Credit cards</h3>"
        + story.replace("Card", "Loan")
        + "<h3 class='related-research'>Related research</h3>"
        + story.replace("Card", "Bond")
        + "<div class='photo-credit'><p>Staff photographer</p></div>"
        + "<section class='author-bio'><h3>Author bio</h3></section></article></body></html>"
    )
    roles = {b.plain: (b.role, b.category) for b in classify_one(load("page.html", data=page.encode())).blocks}
    assert roles["Credit cards"][0] == "body", roles
    assert roles["Related research"][0] == "body", roles
    assert roles["Staff photographer"] == ("boilerplate", "photo-credit")
    assert roles["Author bio"] == ("boilerplate", "author-bio")


def test_an_icon_fonts_lone_letter_is_furniture_and_a_roman_numeral_heads_a_section() -> None:
    # Icon fonts draw a share or slideshow button with a letter ("S"); an essay numbers its parts I, II, III.
    story = (
        "<p>Card rates follow the central bank's rate within a month or two, so a pause means little relief"
        " for borrowers who carry a balance, analysts said on Monday.</p>"
    )
    page = (
        "<html><body><article><h1>What a rate pause means for your money</h1><div class='post-content'>"
        + story
        + "<h3><span class='icon'>S</span></h3><h3>V</h3>"
        + story.replace("Card", "Loan")
        + "</div></article></body></html>"
    )
    roles = {b.plain: (b.role, b.category) for b in classify_one(load("page.html", data=page.encode())).blocks}
    assert roles["S"] == ("boilerplate", "navigation"), roles
    assert roles["V"][0] == "body", roles


def test_a_plain_texts_first_line_over_the_story_is_its_headline_and_a_changed_one_is_news() -> None:
    story = (
        "Der Stadtrat hat am Montag über den Bau der neuen Brücke beraten, die Sitzung dauerte bis in die Nacht."
        " Eine Entscheidung fiel nicht.\n\n"
        "Die Anwohner wollen im April wiederkommen, wenn die Ingenieure ihren Bericht vorstellen.\n"
    )
    top = "\n\n3. März 2026\n\nVon Lena Beispiel\n\n"
    old = _text_document("Stadtrat vertagt Entscheidung über neue Brücke" + top + story)
    new = _text_document("Stadtrat stoppt neue Brücke" + top + story)
    old, new = classify(old, new)
    for side, headline in (
        (old, "Stadtrat vertagt Entscheidung über neue Brücke"),
        (new, "Stadtrat stoppt neue Brücke"),
    ):
        assert (side.blocks[0].role, side.blocks[0].category) == ("metadata", "title"), side.blocks[0]
        assert side.title == headline
        assert [b.category for b in side.blocks[1:3]] == ["date", "byline"]
    comparison = compare_documents(old, new)
    assert comparison.summary.metadata_changes == ("title",) and not comparison.summary.body_changed
    assert comparison.summary.verdict.startswith("Headline changed.")
    # Not a headline: a first line that is a sentence, a date, a menu word, or one with no story under it.
    for text in (
        story,
        "March 3, 2026\n\n" + story,
        "Home\n\n" + story,
        "Stadtrat vertagt Entscheidung über neue Brücke\n\nMehr zum Thema\n\nPolitik\n",
    ):
        labelled = classify_one(_text_document(text))
        assert all(b.category != "title" for b in labelled.blocks), text


def test_a_line_added_to_the_articles_own_numbered_list_or_tour_dates_is_a_change_not_furniture() -> None:
    """An update adds "1. Ditch the diet" above "2. ..." or one more tour date: a stealth edit the reader must see.

    A line the lexicon names stays furniture wherever it sits: "Photo: ..." beside article paragraphs.
    """
    tips = [
        "Most people who try to change how they eat give up within a month, a new survey found this week.",
        "2. Avoid skipping meals",
        "Setting a regular schedule and sticking to it is one of the most effective habits, dietitians said.",
        "3. Practice mindfulness",
        "Listening to your body helps you notice when hunger has tapered off, according to the researchers.",
    ]
    old = _text_document("\n\n".join(tips))
    added = "1. Ditch the diet"
    teaser = "Storm damage bill for the northern breakwater doubles"
    new = _text_document("\n\n".join([tips[0], added, *tips[1:], teaser]))
    _, labelled = classify(old, new)
    by_text = {b.plain: b for b in labelled.blocks}
    assert by_text[added].role == "body"
    assert by_text[added].reasons == ("in the article's flow, and nothing names it furniture",)
    # A line of words after the list names nothing either: shown as a change, never hidden as furniture.
    assert by_text[teaser].role == "body"

    dates = [
        "The band announced a summer tour on Tuesday, its first in six years, with stops across the country.",
        "June 14 -- Harbour Amphitheatre, Alpharetta, GA",
        "June 23 -- Veterans Arena, Virginia Beach, VA",
        "Tickets go on sale to the public on Friday morning, the band's promoter said in a statement.",
    ]
    old = _text_document("\n\n".join(dates))
    new_date = "June 29 -- Arts Center, Holmdel, NJ"
    credit = "Photo: Harbour Amphitheatre"
    new = _text_document("\n\n".join([dates[0], credit, *dates[1:3], new_date, dates[3]]))
    _, labelled = classify(old, new)
    by_text = {b.plain: b for b in labelled.blocks}
    assert by_text[new_date].role == "body"
    assert by_text[credit].role == "boilerplate"
    assert by_text[credit].category == "photo-credit"


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("1. Ditch the diet", "12. Keep a food and mood journal", True),
        ("A: Lebron James", "Q: Who is your favourite player?", True),
        ("Ukraine (Group B): Third appearance", "France (Group H): 10th appearance", True),
        # A credit and a sentence, or two headlines, both start with two words: no list marks them.
        ("Michael Conroy, AP", "Teachers chanted, \u201cFund our schools,\u201d at the rally.", False),
        ("Prisons plagued by understaffing", "Storm damage bill doubles", False),
    ],
)
def test_list_lines_share_a_shape_but_words_alone_do_not(first: str, second: str, same: bool) -> None:
    from tui.classify.growth import line_shape

    shape = line_shape(first)
    assert (shape is not None and shape == line_shape(second)) == same


def test_the_heading_of_a_new_section_set_into_the_article_is_part_of_the_change() -> None:
    """An update inserts a section: its heading is as much a stealth edit as its paragraphs.

    A short line over new prose *after* the article (an author's bio under "About the author") is not.
    """
    story = [
        "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, citing safety.",
        "Engineers found cracks in two of the bridge's four piers during an inspection last autumn, the report said.",
        "Residents on the north shore said the closure would add twenty minutes to their daily commute into town.",
        "The council will hold a public meeting on the plans next month, a spokesperson for the city confirmed.",
    ]
    section = [
        "A shortage of inspectors",
        "The bridge's operator has struggled to hire inspectors for years, according to union officials who spoke"
        " on Monday.",
        "Two of its five inspector posts have been empty since 2021, the union said in a written statement.",
    ]
    bio = [
        "About Dana Whitfield",
        "Dana Whitfield has covered transport and city hall for the paper since 2015 and lives on the north shore.",
    ]
    old = _text_document("\n\n".join(story))
    new = _text_document("\n\n".join([*story[:2], *section, *story[2:], *bio]))
    _, labelled = classify(old, new)
    by_text = {b.plain: b for b in labelled.blocks}
    assert by_text["A shortage of inspectors"].role == "body"
    assert "in the article's flow, and nothing names it furniture" in by_text["A shortage of inspectors"].reasons
    assert by_text["About Dana Whitfield"].role == "boilerplate"
