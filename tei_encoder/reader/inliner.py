"""The inliner, used by the build stage: a paragraph's text → inline nodes.

Notes go in at their anchors, the inline rules run in their fixed order, names
of the record's persons are tagged, reported speech is wrapped in ``Reported``,
and directions found by position become ``Direction``. The registry is complete
before this pass, so person ids here are final.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from tei_encoder import model as m
from tei_encoder.header import people
from tei_encoder.inline import Context, apply_rules, boxes
from tei_encoder.inline.base import Segments, merge_text, split_text
from tei_encoder.letters import UPPER
from tei_encoder.markers import FORM_FEED, NOTE_MARKER, NOTE_OPEN, page_feed
from tei_encoder.reader import speech
from tei_encoder.reader.notes import Notes

PaperMark = m.Deleted | m.Underlined | m.MarginNote | m.Stamp
# (The parenthesis first, what stands before it tested after it: the scan skips to parentheses.)
_SENTENCE_STAGE = re.compile(r"\((?:(?<=[.?!] \()|(?<=[.?!][\"”] \())[^()]{1,80}\)")
# A bracketed span no inline rule took ([sic] after a flagged word is declared notation, not unknown).
_LEFT_BRACKETS = re.compile(r"\[(?!sic\])[^\[\]\n]{1,80}\]", re.I)


class Inliner:
    """Turns a text into inline nodes: notes, rules, names, reported speech, directions."""

    def __init__(self, registry: people.Registry, notes: Notes, context: Context) -> None:
        self.registry = registry
        self.notes = notes
        self.context = context
        self._cache: dict[str, str | None] = {}
        self._final: dict[str, str] = {}
        self._words: dict[str, frozenset[str]] = {}
        self.surnames = registry.surname_words()  # the registry is complete: no one is added later
        self._name_words = name_words(registry)
        self._han_names = _han_names(self._name_words)
        self.reported = 0
        self.interposed = 0  # reporting clauses after or inside what they report (their said counted above)
        # The person whose words the paragraph just read introduces ("Molotov said:" ending it): a next
        # paragraph that opens with a quotation mark is theirs (build.py asks paragraph(), nothing else does).
        self.introduced: str | None = None
        self.mentions = 0
        self.positional_stages = 0
        # The record's writer tells in the first person ("I told Apaydin …", "… visited me"): a sentence in
        # the writer's own voice then ends what another said (set by the reader, speech.narrates_in_first_person).
        self.writer_narrates = False

    def resolve(self, surface: str) -> str | None:
        """The person's final id (the registry is complete before any text is tagged)."""
        if surface not in self._cache:
            handle = self.registry.resolve(surface)
            self._cache[surface] = self.final_id(handle) if handle else None
        return self._cache[surface]

    def final_id(self, handle: str) -> str:
        if not self._final:
            self._final = self.registry.final_ids()
        return self._final.get(handle) or self.registry.final_id(handle)

    def paragraph(self, text: str) -> tuple[m.Inline, ...]:
        """A paragraph's nodes; the whole of it said, when the paragraph before ended by introducing a
        speaker's words (``Molotov said:``) and this one opens with a quotation mark. A quotation over
        several paragraphs opens each and closes only in the last, as English prints it: the speaker's
        words go on while a paragraph leaves its quotation open."""
        introduced, self.introduced = self.introduced, None
        nodes = self.inlines(text)
        quoted = text.lstrip().startswith(('"', "“"))
        if introduced is None or not quoted or self.introduced is not None or \
                any(isinstance(node, m.Reported) for node in nodes):
            return nodes  # a said of its own inside ("… indifferent." Mr. Bevin replied: …): no said around it
        self.reported += 1
        if _leaves_quotation_open(text):
            self.introduced = introduced
        return (m.Reported(introduced, True, nodes),)

    def inlines(self, text: str, *, in_turn: bool = False, reporting: bool = True) -> tuple[m.Inline, ...]:
        if FORM_FEED in text:  # a page break the layout left inside a line (a signature after it)
            text = text.replace(FORM_FEED, page_feed(""))
        segments = self._notes(text)
        segments = apply_rules(segments, self.context)
        self._unknown_notation(segments)
        if in_turn:
            segments = self._sentence_stages(segments)
        segments = self._mentions(segments)
        if reporting:
            segments = self._reported(segments)
        return to_nodes(segments)

    def _unknown_notation(self, segments: Segments) -> None:
        """Trace brackets left as text after every rule ran: notation the encoder did not know."""
        for segment in segments:
            if isinstance(segment, str) and "[" in segment:
                for match in _LEFT_BRACKETS.finditer(segment):
                    self.context.trace.add("notation", "brackets-left-as-text", (self.context.line, self.context.line),
                                           "text", None, False, f"{match.group()} kept as text")

    def _notes(self, text: str) -> Segments:
        if NOTE_OPEN not in text:
            return [text]
        out: Segments = []
        for index, piece in enumerate(NOTE_MARKER.split(text)):
            if index % 2 == 0:
                out.append(piece)
                continue
            if piece.startswith(">"):  # a further call of a note placed elsewhere
                out.append(m.NotePointer(self.notes.bodies[int(piece[1:])].ident))
                continue
            body = self.notes.bodies[int(piece)]
            children = self._note_paragraphs(body.text)
            lines = (body.line, body.line + body.text.count("\n"))
            if body.kind == "foot":
                self.context.trace.add("note", "note-to-anchor", lines, "note", body.ident, True,
                                       f"note {body.mark} placed at its anchor, line {self.context.line}")
            else:  # a reviewer's comment: an editorial note, with no id to point to
                self.context.trace.add("note", "comment-to-mark", lines, "note", None, True,
                                       f"comment [{body.mark}] placed at its mark, line {self.context.line}")
            out.append(m.NoteCall(body.mark, body.ident, body.kind, children))
        return merge_text(out)

    def _note_paragraphs(self, text: str) -> tuple[m.Inline, ...]:
        """A note's text; its paragraphs (a blank line apart in the source) kept apart by line breaks."""
        if "\n\n" not in text:
            return self.inlines(text, reporting=False)
        children: list[m.Inline] = []
        for paragraph in text.split("\n\n"):
            if children:
                children.append(m.LineBreak())
            children.extend(self.inlines(paragraph.strip(), reporting=False))
        return tuple(children)

    def _sentence_stages(self, segments: Segments) -> Segments:
        def make(match: re.Match[str]) -> list[m.Direction]:
            self.positional_stages += 1
            boxes.count_in(match.group(), self.context)
            return [m.Direction(match.group())]
        return split_text(segments, _SENTENCE_STAGE, make)

    # -- names
    def _mentions(self, segments: Segments) -> Segments:
        out: Segments = []
        for segment in segments:
            if isinstance(segment, str):
                out.extend(self._mentions_in(segment))
            elif isinstance(segment, m.PAPER_MARKS):
                out.append(self._mentions_inside(segment))
            else:
                out.append(segment)
        return merge_text(out)

    def _mentions_inside(self, mark: PaperMark) -> PaperMark:
        """A crossed-out name or one in a margin note or stamp is still a name of the record."""
        inside: Segments = [n.text if isinstance(n, m.Text) else n for n in mark.children]
        return replace(mark, children=to_nodes(self._mentions(inside)))

    def _mentions_in(self, text: str) -> Segments:
        spans: list[tuple[int, int, str]] = []
        for start, end, word in name_candidates(text, self._name_words):
            if (word.lower() in people.TITLES or word.lower() in _NOT_NAME_WORDS or self._ends_a_title(text, start, word)) \
                    and _article_before(text, start) == start and not _family_name_he_at(text, start, end):
                continue  # "al-Said" is a name, "Said" may be the verb; "He Ying" a name, "He said" none
            particle = _PARTICLE_BEFORE.search(text, max(0, start - 16), start)
            if particle:  # "de Gaulle": the surname includes its particle
                person = self.resolve(f"{particle.group(1)} {word}")
                if person:
                    start = particle.start(1)
                    if not spans or start >= spans[-1][1]:
                        spans.append((self._extend_left(text, start, end, person), end, person))
                    continue
            compound = _NEXT_WORD.match(text, end)
            if compound and self.registry.fold(compound.group(1)) in self.surnames and \
                    self.registry.fold(word) in self.surnames:  # "Clark Kerr": a two-word surname
                handle = self.registry.resolve_surname(f"{word} {compound.group(1)}")
                person = self.final_id(handle) if handle else None
                if person and (not spans or start >= spans[-1][1]):
                    spans.append((self._extend_left(text, start, compound.end(1), person),
                                  compound.end(1), person))
                    continue
            if word not in self._cache and self.registry.fold(word) not in self.surnames:
                self._cache[word] = None
                continue
            person = self.resolve(word)
            if person is None:  # "Volkov" is two people: "Cde. V. Volkov" tells which
                titled = self._extend_left(text, start, end, None)
                person = self.resolve(text[titled:end]) if titled < start else None
            if person is None:  # "Ruz" is Fidel and Raúl Castro Ruz: "Fidel Castro Ruz" tells which
                start, person = self._by_forenames_before(text, start, end)
            if person is None and self.registry.fold(word) in people.SURNAME_FIRST:
                end, person = self._by_given_names_after(text, start, end)  # "Kim" is Kim Il Sung and Kim Tu-bong
            if person is None:
                continue
            end = self._extend_right(text, start, end, person)
            start = self._extend_left(text, start, end, person)
            end, person = self._longer_name(text, start, end, person)
            start, end, person = self._around_in_longer_name(text, start, end, person)
            start = _article_before(text, start)
            if spans and start < spans[-1][1] or self._another_family_first_name(text, start, end, person):
                continue
            spans.append((start, end, person))
        for match in _TITLE_ONLY.finditer(text):
            person = self.resolve(match.group())
            if person and not any(s <= match.start("title") < e for s, e, _ in spans):
                spans.append((match.start("title"), match.end("title"), person))
        if self._han_names is not None:
            spans.extend(self._han_mentions(text, spans))
        if not spans:
            return [text]
        spans = _longest_of_overlapping(spans)
        out: Segments = []
        position = 0
        for start, end, person in spans:
            out.append(text[position:start])
            out.append(m.Mention(person, (m.Text(text[start:end]),)))
            self.mentions += 1
            position = end
        out.append(text[position:])
        return out

    def _han_mentions(self, text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """The record's Han names where running text prints them (毛泽东同志与赫鲁晓夫同志会谈记录): Han
        script has no spaces or capitals to find a name by, so the forms its labels and lists gave are
        looked for as they are, the longest first."""
        assert self._han_names is not None
        found = []
        for match in self._han_names.finditer(text):
            person = self.resolve(match.group())
            if person and not any(s < match.end() and match.start() < e for s, e, _ in spans):
                found.append((match.start(), match.end(), person))
        return found

    def _extend_left(self, text: str, start: int, end: int, person: str | None) -> int:
        """Take titles, initials and forenames standing before the surname into the mention (with
        no person yet, titles and initials only). A word of the person's with a full stop ends a sentence
        (``the foreign minister Wang. Wang Chung-hui said``): the mention does not run back over it."""
        after_initials = after_title = False
        while True:
            # Only the last few characters matter; searching the whole prefix would be quadratic.
            window = max(0, start - 48)
            before = _token_before(text, window, start)
            if before is None:
                return start
            token_start, token = before
            bare = token.rstrip(".").lower()
            if bare == "the" or bare in people.PLURAL_TITLES or (token.endswith(".") and len(bare) > 4) or \
                    people.is_honorific_after(token):
                # articles and list heads stay outside; a long word with a dot ends a sentence; an
                # honorific ends the name before ("… Mahmud Tarzi Khan. Amanullah Khan said")
                return start
            if after_title and _INITIALS.fullmatch(token):
                return start  # "C. Smt. Menon": initials stand after titles, never before; this is a paragraph's letter
            two_words = _two_words_before(text, window, start)
            if two_words is not None and two_words[1].lower().replace(".", "") in people.TITLES:  # "Right Hon."
                start = two_words[0]
                after_title = True
            elif bare in people.TITLES or token in people.ABBREVIATED_COMRADE or _INITIALS.fullmatch(token) or (
                    person is not None and token[:1].isupper() and not token.endswith(".")
                    and token.casefold().strip(",") in self.words(person)):
                after_initials = bool(_INITIALS.fullmatch(token))
                after_title = not after_initials and (bare in people.TITLES or token in people.ABBREVIATED_COMRADE)
                start = token_start
            elif after_initials and person is not None and self._given_name_at(text, token_start, token):
                return token_start  # "Anatoly I. Gribkov": a given name before the initials (persons.GIVEN_BEFORE_INITIAL)
            else:
                return start

    @staticmethod
    def _given_name_at(text: str, start: int, token: str) -> bool:
        """A capitalised word that may be a given name: no function word or body, and not the place of
        an office ("Ambassador of the USSR in Kabul S. Vinogradov")."""
        bare = token.lower()
        if (not _GIVEN_NAME.fullmatch(token) or bare in _NOT_NAME_WORDS or bare in speech.NOT_PEOPLE
                or bare in people.TITLES or speech.is_role_word(bare) or bare in _PARTS_PLAYED):
            return False
        before = _token_before(text, max(0, start - 24), start)
        if before is None:
            return True
        # "Minister of Foreign Affairs C. Enckell": a capitalised word before it, but a title ("Comrade
        # Anatoly I. Gribkov"), makes it an office's last word
        word = before[1].rstrip(".").lower()
        # "President of the Republic L. Svoboda", "Minister of the Interior J. Pelnář": a word after the article
        # is the office's body, no given name
        return word not in _PLACE_PREPOSITIONS and word != "the" and (not before[1][:1].isupper() or word in people.TITLES)

    @staticmethod
    def _ends_a_title(text: str, start: int, word: str) -> bool:
        """The word ends a title of two words ("Field Marshall Montgomery"): no surname, though a person bears it."""
        before = _token_before(text, max(0, start - 24), start)
        return before is not None and f"{before[1].rstrip('.').lower()} {word.lower()}" in people.TITLES

    def _by_forenames_before(self, text: str, start: int, end: int) -> tuple[int, str | None]:
        """Where the name starts and the one person it is, when the surname and up to three capitalised
        words before it name one (``start, None`` when they do not)."""
        at = start
        for _ in range(3):
            before = _token_before(text, max(0, at - 48), at)
            if before is None or not before[1][:1].isupper():
                break
            at = before[0]
            name = people.parse_name(text[at:end])
            person = self.resolve(text[at:end]) if name is not None and name.forenames else None
            if person is not None:  # a name with forenames, not a title ("Field Marshall")
                return at, person
        return start, None

    def _by_given_names_after(self, text: str, start: int, end: int) -> tuple[int, str | None]:
        """A family name printed first that several persons share, with the given names after it that
        tell which (``Kim Tu-bong`` beside ``Kim Il Sung``): the longest run of up to two more words that
        resolves; (end, None) when none does."""
        for longer in reversed(_next_word_ends(text, end)):
            person = self.resolve(text[start:longer])
            if person is not None:
                return longer, person
        return end, None

    def _another_family_first_name(self, text: str, start: int, end: int, person: str) -> bool:
        """``Kim Chaek`` where the record's Kim is Kim Il Sung, ``Pak Chong-hui`` beside Pak Song-chol, the
        place ``Dong Dang`` beside Pham Van Dong: a family name printed first (people.SURNAME_FIRST), left
        alone by the rules that extend a mention, and followed by a capitalised word is a name of its own
        whose given names are not the person's (the whole does not resolve to them). Linking the family
        name alone merged two people of one of the few Korean or Chinese family names."""
        named = [token for token in text[start:end].split() if token.rstrip(".").lower() not in people.TITLES]
        if len(named) != 1 or self.registry.fold(named[0]) not in people.SURNAME_FIRST:
            return False
        following = _NEXT_WORD.match(text, end)
        if following is None or following.group(1).lower() in _NOT_NAME_WORDS or \
                following.group(1).lower() in people.TITLES or following.group(1).casefold() in speech.NOT_PEOPLE:
            return False
        return self.resolve(f"{named[0]} {following.group(1)}") != person

    def _extend_right(self, text: str, start: int, end: int, person: str) -> int:
        """Given names printed after a surname-first name ("Mao Zedong", "Kim Il Sung", "Pak Hon
        Yong") join it: a word the person's forms print, when the name up to it is still theirs."""
        while (following := _NEXT_WORD.match(text, end)) and \
                following.group(1).casefold() in self.words(person) and (
                    self.resolve(text[:following.end(1)].rsplit(None, 2)[-2] + " " + following.group(1)) == person
                    or self.resolve(text[start:following.end(1)]) == person):
            end = following.end(1)
        end = self._longest_form(text, start, end, person)
        return self._trailing_initials(text, start, self._rest_of_compound(text, start, end, person), person)

    def _rest_of_compound(self, text: str, start: int, end: int, person: str) -> int:
        """A surname's particle and its last part after its first (``Couve de Murville``, ``Ortiz de Rozas``),
        when the whole is still the person's: before, the mention stopped at ``Couve``."""
        rest = PARTICLE_AND_WORD.match(text, end)
        return rest.end() if rest is not None and self.resolve(text[start:rest.end()]) == person else end

    def _longer_name(self, text: str, start: int, end: int, person: str) -> tuple[int, str]:
        """The longest name wins: "Kim Il Sung" is not Kim Il and a word "Sung", where both are in the
        record. Up to two more capitalised words, when all of their words are another person's and
        the whole run resolves to that person (not "Molotov Vyshinsky", whose first word is not)."""
        at, longer = end, (end, person)
        for _ in range(2):
            following = _NEXT_WORD.match(text, at)
            if following is None:
                break
            at = following.end(1)
            other = self.resolve(text[start:at])
            if other is not None and other != person and all(
                    word.casefold() in self.words(other) for word in text[start:at].split()[-3:]):
                longer = (at, other)
        return longer

    def _around_in_longer_name(self, text: str, start: int, end: int, person: str) -> tuple[int, int, str]:
        """A name inside another person's longer name is theirs: "Gheorghe" of "Ion Gheorghe Maurer" is
        Maurer's middle name, though the translator Eliza Gheorghe bears it. Up to two capitalised words
        on each side, when all the run's words are the other person's and the whole run resolves to them."""
        lefts, at = [start], start
        while len(lefts) < 3 and (before := _token_before(text, max(0, at - 48), at)) and before[1][:1].isupper():
            at = before[0]
            lefts.append(at)
        rights, at = [end], end
        while len(rights) < 3 and (following := _NEXT_WORD.match(text, at)):
            at = following.end(1)
            rights.append(at)
        for left in reversed(lefts):
            for right in reversed(rights):
                if (left, right) == (start, end):
                    continue
                other = self.resolve(text[left:right])
                if other is not None and other != person and all(
                        word.casefold() in self.words(other) for word in text[left:right].split()):
                    return left, right, other
        return start, end, person

    def _trailing_initials(self, text: str, start: int, end: int, person: str) -> int:
        """A Russian list's order, "Stalin I.V.", "Vyshinsky A. Ya.": the initials after the surname are
        the name's, when the whole is still this person's and no name follows them ("Molotov A. Vyshinsky")."""
        initials = _TRAILING_INITIALS.match(text, end)
        if initials is not None and self.resolve(text[start:initials.end()]) == person:
            return initials.end()
        return end

    def _longest_form(self, text: str, start: int, end: int, person: str) -> int:
        """Up to two more of the person's words whose whole run is theirs, though a part is not a
        form of theirs: "Kim Il Sung" where "Kim" and "Kim Il Sung" are known, "Kim Il" not."""
        ends = _next_word_ends(text, end, self.words(person))
        return next((longer for longer in reversed(ends) if self.resolve(text[start:longer]) == person), end)

    def words(self, person: str) -> frozenset[str]:
        if person not in self._words:
            self._words[person] = self.registry.words(person)
        return self._words[person]

    # -- reported speech
    def _reported(self, segments: Segments) -> Segments:
        segments = list(segments)  # a pronoun's clause may split a string of it
        out: Segments = []
        i = 0
        while i < len(segments):
            interposed = self._interposed(segments, i, out)
            if interposed is not None:
                i = interposed
                continue
            found = self._reporting_tail(segments, i)
            if found is None:
                out.append(segments[i])
                i += 1
                continue
            tail, at = found
            subject = _speaker_before_source_aside(segments, i) or segments[i]
            out.extend(segments[i:at])  # the subject, and a direction already found between
            rest = segments[at]
            assert isinstance(rest, str) and isinstance(subject, m.Mention)
            out.extend(self._clause(rest[:tail.end("verb")], tail))
            after = rest[tail.end("verb"):]
            comp = tail.group("comp")
            addressed = self._to_a_name(segments, at, after) if comp is None else None
            if comp is None and addressed is None:
                out.append(after)
                i = at + 1
                continue
            if comp is not None and comp.strip() == ":" and not after[len(comp):].strip() and at + 1 == len(segments):
                self.introduced = subject.person  # "Molotov said:" ends the paragraph: his words follow it
            if addressed is not None:  # "Vyshinsky assured Eden that …": the one addressed is a name of the record
                second = segments[at + 2]
                assert isinstance(second, str)  # _to_a_name took it so
                out.extend([after, segments[at + 1], second[:addressed]])
                at += 2
                body = second[addressed:]
            else:
                assert comp is not None
                out.append(after[:len(comp)])
                body = after[len(comp):]
            indirect = self.writer_narrates and not body.lstrip().startswith(_OPENS_QUOTATION)
            cut = _pronoun_clause(body, indirect)
            if cut is not None:  # "… had failed. I replied that …" in the clause's own string
                segments = segments[:at + 1] + [body[cut:]] + segments[at + 1:]
                body, end = body[:cut], at + 1
            else:
                end = self._next_clause(segments, at + 1, indirect)
            said, trailing = _strip_trailing_space(merge_text([body] + segments[at + 1:end]))
            if said:
                direct = _first_text(said).lstrip().startswith(_OPENS_QUOTATION)
                out.append(m.Reported(subject.person or "", direct, to_nodes(said)))
                self.reported += 1
            out.extend(trailing)
            i = end
        return merge_text(out)

    @staticmethod
    def _to_a_name(segments: Segments, at: int, after: str) -> int | None:
        """After a reporting verb (``after``: the rest of its string), a name addressed and a complementiser:
        ``assured`` / Eden / `` that …``, ``said to`` / Eden / `` that …``. Where the said begins in the string
        after the name, else None."""
        if not _TO_THE_NAME.fullmatch(after) or at + 2 >= len(segments):
            return None
        name, following = segments[at + 1], segments[at + 2]
        if not (isinstance(name, m.Mention) and name.person and isinstance(following, str)):
            return None
        complement = _THAT_AFTER_NAME.match(following)
        return complement.end() if complement else None

    def _interposed(self, segments: Segments, i: int, out: Segments) -> int | None:
        """A reporting clause after or inside the sentence it reports (``This is unacceptable, said
        Molotov.``, ``We, declared Trinh, will not …``, ``“We,” said Molotov, “will not …”``): what
        stands before the clause from the sentence's start is said, and what goes on after it, to
        the next clause (or to the quotation's end), is said too. ``out`` loses the string before
        the clause and gains the clause's segments; returns the index after what was taken, or None."""
        subject = segments[i]
        following = segments[i + 1] if i + 1 < len(segments) else None
        if not (isinstance(subject, m.Mention) and subject.person and out and isinstance(out[-1], str)
                and isinstance(following, str)):
            return None
        before, verb_after = _VERB_THEN_SUBJECT.search(out[-1]), None
        if before is None:  # "…, Comrade Molotov declared."
            before = _SUBJECT_THEN_VERB.search(out[-1])
            verb_after = _VERB_AFTER_SUBJECT.match(following) if before else None
            if before is None or verb_after is None:
                return None
        rest = following[verb_after.end() if verb_after else 0:]
        goes_on = _GOES_ON.match(rest)
        if not (before.start() or len(out) == 1) or not (goes_on or _SENTENCE_ENDS.match(rest)):
            return None  # the sentence must start in the string before the clause; what follows must fit
        said_before = before.group("said").lstrip()
        lead = out[-1][:before.end("said") - len(said_before)]
        clause_after = following[:verb_after.end()] if verb_after else ""
        out[-1:] = [lead, self._said(subject.person, [said_before]), before.group("clause"), subject, clause_after]
        self.interposed += 1
        if goes_on is None:  # the sentence ends with the clause
            return i + 1 if not verb_after else self._rest_after(segments, i + 1, rest)
        out.append(rest[:goes_on.end()])
        body = rest[goes_on.end():]
        if body.startswith("“") and (close := body.find("”")) > 0:  # a quotation goes on: to its end
            out.append(self._said(subject.person, [body[:close + 1]]))
            return self._rest_after(segments, i + 1, body[close + 1:])
        end = self._next_clause(segments, i + 2)
        said, trailing = _strip_trailing_space(merge_text([body] + segments[i + 2:end]))
        if said:  # a reply printed with a dash goes on as direct speech after its clause: no second dash
            out.append(self._said(subject.person, said, direct=said_before.startswith(_DIALOGUE_DASHES) or None))
        out.extend(trailing)
        return end

    def _said(self, person: str, said: Segments, direct: bool | None = None) -> m.Reported:
        """``direct``: told by the caller, else by what the words open with."""
        self.reported += 1
        if direct is None:
            direct = _first_text(said).lstrip().startswith(_OPENS_QUOTATION)
        return m.Reported(person, direct, to_nodes(said))

    @staticmethod
    def _rest_after(segments: Segments, j: int, rest: str) -> int:
        """Put what is left of segments[j] back, to be read on: returns j, its index."""
        segments[j] = rest
        return j

    def _reporting_tail(self, segments: Segments, i: int) -> tuple[re.Match[str], int] | None:
        """For a resolved name at i: the reporting verb's match and the index of its string."""
        segment = segments[i]
        if not (isinstance(segment, m.Mention) and segment.person):
            return None
        at = i + 1
        between = segments[at] if at + 2 < len(segments) else None
        if isinstance(between, str) and not between.strip() and isinstance(segments[at + 1], m.Direction):
            at += 2  # "THOMAS (smiling) thanks": the direction was found by its wording already
        following = segments[at] if at < len(segments) else None
        if not isinstance(following, str):
            return None
        tail = speech.REPORTING_TAIL.match(_as_print(following))
        return (tail, at) if tail else None

    def _clause(self, text: str, tail: re.Match[str]) -> Segments:
        stage = tail.group("stage")
        if stage is None:
            return [text]
        start, end = tail.start("stage") - 1, tail.end("stage") + 1  # its parentheses, as printed
        self.positional_stages += 1
        boxes.count_in(text[start:end], self.context)
        return [text[:start], m.Direction(text[start:end]), text[end:]]

    def _next_clause(self, segments: Segments, start: int, indirect: bool = False) -> int:
        """The next reporting clause that opens a sentence ends the said before it: a known
        name's (``Kim Sok asked …``, also when the name goes on past the known part), or a
        pronoun's (``I replied that …``), which is split off its string here; in indirect speech,
        also a sentence in the writer's own voice."""
        for j in range(start, len(segments)):
            segment = segments[j]
            if isinstance(segment, str):
                pronoun = _pronoun_clause(segment, indirect)
                if pronoun is not None:
                    segments[j:j + 1] = [segment[:pronoun], segment[pronoun:]]
                    return j + 1
            elif (self._reporting_tail(segments, j) or _name_goes_on_to_a_verb(segments, j)) \
                    and _opens_sentence(segments, j):
                return j
        return len(segments)


def _speaker_before_source_aside(segments: Segments, i: int) -> m.Mention | None:
    """The name before a source aside ending at the mention i ("Bullitt, according to comrade Krestinsky,
    … said"): the one who said it (speech.SOURCE_ASIDE); None if there is no such aside and name."""
    if i < 2 or not isinstance(aside := segments[i - 1], str) or not speech.SOURCE_ASIDE.fullmatch(aside):
        return None
    before = segments[i - 2]
    return before if isinstance(before, m.Mention) and before.person else None


def _family_name_he_at(text: str, start: int, end: int) -> bool:
    """The word at start is the Chinese family name He before its given names (people.family_name_he)."""
    return text[start:end] in ("He", "HE") and people.family_name_he(
        [text[start:end], *(text[end:at].strip() for at in _next_word_ends(text, end)[:1])])


def _han_names(words: frozenset[str]) -> re.Pattern[str] | None:
    """One pattern for the known names in Han script, with a title printed after them (毛泽东同志), or
    None when the record has none (most records: then no text is scanned for them)."""
    han = sorted((word for word in words if people.HAN_NAME.fullmatch(word)), key=lambda w: (-len(w), w))
    titles = "|".join(map(re.escape, people.HAN_TITLES))
    return re.compile(f"(?:{'|'.join(map(re.escape, han))})(?:{titles})?") if han else None


def _next_word_ends(text: str, end: int, words: frozenset[str] | None = None) -> list[int]:
    """Where each of up to two capitalised words after ``end`` ends (only words of ``words``, when given)."""
    ends: list[int] = []
    while len(ends) < 2 and (following := _NEXT_WORD.match(text, end)) and (
            words is None or following.group(1).casefold() in words):
        end = following.end(1)
        ends.append(end)
    return ends


def name_words(registry: people.Registry) -> frozenset[str]:
    """The case-folded words of everyone's printed names, less titles: what may start a mention (a name
    after the Arabic article without it too: "said" of "al-said")."""
    words = {people.ARABIC_ARTICLE.sub("", w, count=1) for w in registry.name_words()}
    return frozenset(w for w in words if len(w) > 1 and w not in people.TITLES)


def name_candidates(text: str, words: frozenset[str]) -> list[tuple[int, int, str]]:
    """Capitalised words of text that are words of a known name (possessive ’s left outside)."""
    verdicts, named = _verdicts_for(words)
    # Most texts hold no name's word: the distinct capitalised words tell so without a match object
    # each; only a text that holds one is walked for positions.
    capitalised = _capitalised_words(text)
    for word in capitalised.difference(verdicts):
        verdicts[word] = verdict = _verdict(word, words)
        if verdict is not _NONE:
            named.add(word)
    if named.isdisjoint(capitalised):
        return []
    # The few name words the text holds, each found where it stands as a whole capitalised word: a
    # substring search per word instead of a walk over every capitalised word of the text.
    found = []
    for word in named.intersection(capitalised):
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (not at or not _WORD_BEFORE.match(text, at - 1) or _article_before(text, at) < at) and \
                    not _WORD_GOES_ON.match(text, end):
                found.append((at, end, word) if verdicts[word] is _WHOLE else (at, end - 2, word[:-2]))
            at = text.find(word, end)
    found.sort()
    return found


def _longest_of_overlapping(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The mentions in order, where two overlap the longer kept: a surname's particle and forenames
    taken in leftwards ("José Eduardo dos Santos") reached into a mention found before ("José
    Eduardo"), and both were printed, the text twice."""
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans):
        if kept and span[0] < kept[-1][1]:
            if span[1] - span[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = span
            continue
        kept.append(span)
    return kept


# Cached: the person scan and the inliner ask of the same texts (six in ten of the inliner's texts are
# ones the person scan saw, and a record repeats lines); a text's capitalised words are the same each time.
@functools.lru_cache(maxsize=1024)
def _capitalised_words(text: str) -> frozenset[str]:
    found = frozenset(_CAPITALISED.findall(text))
    return found | frozenset(_AFTER_ARTICLE.findall(text)) if "-" in text else found


def _article_before(text: str, at: int) -> int:
    """Where the Arabic article joined to the word at ``at`` begins ("el-Sadat", "al-Said"), else ``at``."""
    if text[at - 1:at] != "-":
        return at
    article = _ARTICLE_BEFORE.search(text, max(0, at - 5), at)
    return article.start() if article else at


# What name_candidates makes of a capitalised word: no name's word, a name's word, or one with ’s.
_NONE, _WHOLE, _POSSESSIVE = "none", "whole", "possessive"
# The verdicts for the last set of name words: a record's texts repeat the same capitalised words
# ("The", "Stalin", "Soviet"), each looked up once instead of case-folded at every occurrence.
# With them, the words whose verdict is not _NONE.
_VERDICTS: tuple[frozenset[str], dict[str, str], set[str]] = (frozenset(), {}, set())


def _verdicts_for(words: frozenset[str]) -> tuple[dict[str, str], set[str]]:
    global _VERDICTS
    if _VERDICTS[0] is not words:
        _VERDICTS = (words, {}, set())
    return _VERDICTS[1], _VERDICTS[2]


def _verdict(word: str, words: frozenset[str]) -> str:
    if word.casefold().strip("’'") in words:
        return _WHOLE
    if word.endswith(("'s", "’s", "'S", "’S")) and word[:-2].casefold() in words:  # GROMYKO'S in a telegram
        return _POSSESSIVE
    return _NONE


# A capital not after a word character, apostrophe, full stop or hyphen; the capital comes first in
# the pattern (the test of what stands before it after it) so that the scan skips to capitals.
_CAPITALISED = re.compile(rf"[{UPPER}](?<![\w'’.-][{UPPER}])[\w'’-]*")
# What may not stand before a capitalised word's capital, and what would go on after its last letter.
_WORD_BEFORE = re.compile(r"[\w'’.-]")
# A name after the Arabic article ("Anwar el-Sadat", "Nuri al-Said", people.ARABIC_ARTICLE): the name's
# word is a capitalised word of its own; the article is printed with it and tagged with it.
_AFTER_ARTICLE = re.compile(rf"(?<![\w'’.-]){people.ARABIC_ARTICLES}([{UPPER}][\w'’-]*)")
_ARTICLE_BEFORE = re.compile(rf"(?<![\w'’.-]){people.ARABIC_ARTICLES}$")
_WORD_GOES_ON = re.compile(r"[\w'’-]")
# "the"/"The" not after a word character, tested after its first letter (the scan skips to t and T).
# The titles as one factored alternation (longest first): each character after "the " compared once.
_TITLE_ONLY = re.compile(
    r"[Tt](?<!\w[Tt])he\s+(?P<title>" + speech.longest_first_alternation(
        t.title() for t in people.TITLES if t not in ("the", "mr", "mrs", "ms", "m")) + rf"(?:\.[{UPPER}]\.?)*)(?![\w])")
_NEXT_WORD = re.compile(rf" ((?:{people.ARABIC_ARTICLES})?[{UPPER}][\w'’-]+?)(?=['’]s\b|(?![\w'’-]))")  # "Chou En-lai's": the possessive is no part of the word
_PARTICLES = "(?:" + "|".join(sorted(people.PARTICLES, key=lambda p: (-len(p), p))) + ")"
_PARTICLE_BEFORE = re.compile(rf"(?<![\w'’.-])({_PARTICLES}(?: {_PARTICLES})?)\s+$")  # "de la Torre" too
PARTICLE_AND_WORD = re.compile(r" (?:" + "|".join(sorted(people.PARTICLES, key=lambda p: (-len(p), p)))
                                + rf") [{UPPER}][\w'’-]*[^\W\d_](?![\w'’-])")
_INITIALS = re.compile(rf"(?:{people.INITIAL}){{1,2}}")  # "J.", "I.V.", "Ya." — not "U.S.A."
# What opens words quoted as spoken: quotation marks, guillemets, and the dash of a dialogue as translations
# from Russian print it ("— Did the British side raise the question?").
_DIALOGUE_DASHES = ("—", "–")
_OPENS_QUOTATION = ('"', "“", "«", *_DIALOGUE_DASHES)
_PLACE_PREPOSITIONS = frozenset({"in", "of", "at", "to", "for", "from"})
_PARTS_PLAYED = frozenset({"interpreter", "translator", "recorder"})  # as persons.GIVEN_BEFORE_INITIAL
_GIVEN_NAME = re.compile(rf"[{UPPER}][a-z][\w'’-]*")  # capitalised, in lower case after its first letter
_TRAILING_INITIALS = re.compile(rf" (?:{people.INITIAL} ?)*{people.INITIAL}(?! ?[{UPPER}])")
# The token, and the two words, that end right before a position (white space between), found by
# ``_token_before`` and ``_two_words_before`` as ``search(text, window, end)`` of the plain forms
# ``(?P<token>[\w.'’-]+)\s+$`` and ``(?P<title>[A-Za-z]+\.?\s+[A-Za-z]+\.?)\s+$`` finds them: each is
# matched once at the start of the reversed window, where the search tries every position of it.
_TOKEN_BEFORE_REVERSED = re.compile(r"\s+(?P<token>[\w.'’-]+)")
_TWO_WORDS_BEFORE_REVERSED = re.compile(r"\s+(?P<title>\.?[A-Za-z]+\s+\.?[A-Za-z]+)")


def _token_before(text: str, window: int, end: int) -> tuple[int, str] | None:
    """Where the token before ``end`` starts (not before ``window``), and the token."""
    match = _TOKEN_BEFORE_REVERSED.match(text[window:end][::-1])
    return None if match is None else (end - match.end(), match.group("token")[::-1])


def _two_words_before(text: str, window: int, end: int) -> tuple[int, str] | None:
    """Where the two words before ``end`` start (not before ``window``), and the words."""
    match = _TWO_WORDS_BEFORE_REVERSED.match(text[window:end][::-1])
    return None if match is None else (end - match.end(), match.group("title")[::-1])
_NOT_NAME_WORDS = frozenset("""
the then however but and if when in on at as this that these those he she it they we i you his
her their our my your a an since while although therefore thus for from to with by after before
here there now also both such some many mr mrs
""".split())


_SENTENCE_END = re.compile(r"(?:^|[.!?][\"”’)]?\s+|[,;]\s+)$")


# A reporting clause after or inside what it reports, as Russian prints it and translations keep it
# ("Мы, — заявил …, —"): "We, declared Nguyen Duy Trinh, will …", "The British – continued Trinh – only
# …", "This is unacceptable, said Molotov.", "We will not accept this, Molotov declared.", "“We,” said
# Molotov, “will not …”". What stands before it is said from its sentence's start: no full stop, colon
# or bracket is crossed, and a quotation is taken whole.
_INTERPOSING_VERBS = ("said", "declared", "continued", "added", "stressed", "emphasized", "emphasised", "noted",
                      "remarked", "replied", "answered", "observed", "explained", "stated", "underlined")
_VERB_ALTERNATION = "|".join(_INTERPOSING_VERBS)
_SAID_BEFORE = r"(?:^|(?<=[.!?] )|(?<=[.!?][”\"] ))(?P<said>“[^“”]{1,200}?[,.!?]”|[^.!?;:\"“”()]{1,200}?)"
_VERB_THEN_SUBJECT = re.compile(_SAID_BEFORE + rf"(?P<clause>(?:(?<=”) |\s*(?:,|\s[–—-])\s*)(?:{_VERB_ALTERNATION})\s+)$")
_SUBJECT_THEN_VERB = re.compile(_SAID_BEFORE + r"(?P<clause>(?<=”) |,\s+)$")
_VERB_AFTER_SUBJECT = re.compile(rf"^\s+(?:{_VERB_ALTERNATION})\b")
# After the clause: the sentence goes on (in lower case, or in a new quotation), or it ends there.
_GOES_ON = re.compile(r"^\s*(?:,|[–—-](?=\s))\s*(?=[a-z]|“)")
_SENTENCE_ENDS = re.compile(r"^\s*[.!]")


# Between a reporting verb and the name it is addressed to, and after the name: "said to" / Eden / "that".
_TO_THE_NAME = re.compile(r"\s+(?:to\s+)?")
_THAT_AFTER_NAME = re.compile(speech.THAT_AFTER_ADDRESSEE + r",?\s*")


def _as_print(text: str) -> str:
    """A string of a telegram in capitals (`` SAID THAT …``) in the case of print, the same length
    (speech.capitals_shadow), for the clause patterns; any other string as it is."""
    return speech.capitals_shadow(text) if text.isupper() else text


def _opens_sentence(segments: Segments, j: int) -> bool:
    before = segments[j - 1] if j else ""
    return not isinstance(before, str) or bool(_SENTENCE_END.search(before[-8:]))


# The space before the clause first (the scan skips to spaces), what stands before it tested after it.
_PRONOUN_CLAUSE = re.compile(r" (?:(?<=[.!?] )|(?<=[.!?][\"”’)] ))(?=" + speech.PRONOUN_CLAUSE.pattern + ")")
_NAME_GOES_ON = re.compile(rf"^ [{UPPER}][\w'’-]+(?: [{UPPER}][\w'’-]+)?" + speech.REPORTING_TAIL.pattern[1:])


# A sentence in the writer's own voice ("In my opinion, we should …", "I think …") ends what another said
# in indirect speech: the writer no longer reports. (Inside a quotation it is the speaker's voice.)
_WRITER_VOICE = re.compile(r" (?:(?<=[.!?] )|(?<=[.!?][\"”’)] ))(?=(?:In (?:my|our) (?:opinion|view)|It seems to me|"
                           r"To my mind|Personally|I (?:think|believe|consider|suppose|feel|ask|request))\b)")


def _pronoun_clause(text: str, indirect: bool = False) -> int | None:
    """Where a sentence opened by a pronoun's reporting clause starts in text (never at 0: the clause
    follows a sentence's end, so the said's own start is no cut); in indirect speech, also a sentence in
    the writer's own voice."""
    printed = _as_print(text)
    match = _PRONOUN_CLAUSE.search(printed)  # the match is the space before the clause
    if indirect and (voice := _WRITER_VOICE.search(printed, 0, match.start() if match else len(printed))):
        return voice.end()
    return match.end() if match else None


def _name_goes_on_to_a_verb(segments: Segments, j: int) -> bool:
    """``Kim`` known, then `` Sok asked what …``: a longer name is the subject of a verb."""
    segment = segments[j]
    following = segments[j + 1] if j + 1 < len(segments) else None
    return (isinstance(segment, m.Mention) and isinstance(following, str)
            and bool(_NAME_GOES_ON.match(_as_print(following))))


def _strip_trailing_space(segments: Segments) -> tuple[Segments, Segments]:
    if segments and isinstance(segments[-1], str):
        text = segments[-1]
        stripped = text.rstrip()
        trailing: Segments = [text[len(stripped):]] if stripped != text else []
        return merge_text(segments[:-1] + [stripped]), trailing
    return segments, []


def _first_text(segments: Segments) -> str:
    first = segments[0]
    return first if isinstance(first, str) else ""


def _leaves_quotation_open(text: str) -> bool:
    """More opening than closing quotation marks: the quotation goes on in the next paragraph."""
    return text.count("“") > text.count("”") if "“" in text else text.count('"') % 2 == 1


def to_nodes(segments: Segments) -> tuple[m.Inline, ...]:
    return tuple(m.Text(s) if isinstance(s, str) else s for s in merge_text(segments))
