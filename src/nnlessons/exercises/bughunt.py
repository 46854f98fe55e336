"""Find-the-bugs questions: the reader names the lines of a code listing that are wrong (Lesson 18).

A listing is shown with numbered lines (``question.show()``); the reader answers with the
numbers of the lines they think are wrong::

    ex.q1.show()              # the listing, lines numbered from 1
    ex.q1.check([5, 17])      # how many bugs were found, which lines are false alarms

The feedback counts the bugs found and names every false alarm (with why that line is
fine, when the question says so), but never says which bugs are still hidden: that is
what ``solution()`` is for.
"""

import numpy as np

from ..i18n import register, tr
from .questions import MALFORMED, Question, _describe, _Reject, is_whole_number

register({
    "ex.bugs.type": {
        "en": "Expected the numbers of the lines you think are wrong, as a list of whole numbers such as "
              "[3, 12], got {kind} {got}.",
        "pt": "Esperava os números das linhas que você acha que estão erradas, como uma lista de números "
              "inteiros, por exemplo [3, 12]; recebi {kind} {got}.",
    },
    "ex.bugs.quoted": {
        "en": " Write the numbers without quotes: [3, 12].",
        "pt": " Escreva os números sem aspas: [3, 12].",
    },
    "ex.bugs.range": {
        "en": "The listing has lines 1 to {last}; there is no line {lines}.",
        "pt": "A listagem tem as linhas 1 a {last}; não existe a linha {lines}.",
    },
    "ex.bugs.found": {
        "en": "You found {found} of the {total} bugs.",
        "pt": "Você encontrou {found} dos {total} bugs.",
    },
    "ex.bugs.all_found": {
        "en": "You found all {total} bugs, but you also marked lines that are right.",
        "pt": "Você encontrou os {total} bugs, mas também marcou linhas que estão certas.",
    },
    "ex.bugs.fine": {"en": "Line {line} is fine.", "pt": "A linha {line} está certa."},
    "ex.bugs.fine_why": {"en": "Line {line} is fine: {why}", "pt": "A linha {line} está certa: {why}"},
    "ex.bugs.fine_many": {"en": "Lines {lines} are fine.", "pt": "As linhas {lines} estão certas."},
})


def _as_lines(answer):
    """The answer as a set of line numbers, or ``_Reject`` saying why it is not one."""
    if is_whole_number(answer):
        return {int(answer)}
    if isinstance(answer, (list, tuple, set, frozenset, np.ndarray)):
        items = list(np.asarray(answer).ravel()) if isinstance(answer, np.ndarray) else list(answer)
        if all(is_whole_number(n) for n in items):
            return {int(n) for n in items}
    kind, text = _describe(answer)
    message = tr("ex.bugs.type", kind=kind, got=text)
    if isinstance(answer, str) and any(c.isdigit() for c in answer):
        message += tr("ex.bugs.quoted")
    raise _Reject(MALFORMED, message)


class BugHuntQuestion(Question):
    """The answer is the set of line numbers of a listing that hold its bugs (Lesson 18).

    ``listing`` is the code as one text; its lines are numbered from 1. ``bugs`` maps a
    name to the lines where that bug may be pointed at (``{"softmax_hidden": (17,),
    "no_zero_grad": (16, 17)}``: a missing line can be pointed at by its neighbours);
    a bug is found when the answer names any of its lines. ``fine`` maps tempting but
    correct lines to why they are right (``{12: {"pt": ..., "en": ...}}``), said when the
    reader marks them. Right means every bug found and no false alarm.
    """

    def __init__(self, key, listing, bugs, fine=None, **texts):
        super().__init__(key, **texts)
        self.lines = listing.strip("\n").splitlines()
        self.bugs = {name: tuple(lines) for name, lines in bugs.items()}
        fine = fine or {}
        named = [line for lines in self.bugs.values() for line in lines] + list(fine)
        for line in named:
            if not 1 <= line <= len(self.lines):
                raise ValueError(f"BugHuntQuestion {key!r}: line {line} is not in the listing (lines 1 to "
                                 f"{len(self.lines)}).")
            if named.count(line) > 1:
                raise ValueError(f"BugHuntQuestion {key!r}: line {line} is named twice; a line belongs to "
                                 "one bug, or is fine.")
        self.fine = sorted(fine)
        register({f"{key}.fine.{line}": why for line, why in fine.items()})
        #: one line per bug, the first listed: an answer that finds them all
        self.expected = sorted(lines[0] for lines in self.bugs.values())

    def show(self):
        """Print the listing with its line numbers."""
        width = len(str(len(self.lines)))
        print("\n".join(f"{number:>{width}}  {line}".rstrip() for number, line in enumerate(self.lines, 1)))

    def judge(self, answer):
        marked = _as_lines(answer)
        outside = sorted(line for line in marked if not 1 <= line <= len(self.lines))
        if outside:
            raise _Reject(MALFORMED, tr("ex.bugs.range", last=len(self.lines),
                                        lines=", ".join(str(line) for line in outside)))
        found = sum(bool(marked & set(lines)) for lines in self.bugs.values())
        pointed = {line for lines in self.bugs.values() for line in lines}
        false_alarms = sorted(marked - pointed)
        if found == len(self.bugs) and not false_alarms:
            return ""
        total = len(self.bugs)
        summary = tr("ex.bugs.all_found" if found == total else "ex.bugs.found", found=found, total=total)
        return self._join(summary, self._false_alarms(false_alarms))

    def _false_alarms(self, lines):
        """Why each marked line that holds no bug is fine: one sentence each where the
        question explains it, one sentence for the others."""
        explained = [tr("ex.bugs.fine_why", line=line, why=tr(f"{self.key}.fine.{line}"))
                     for line in lines if line in self.fine]
        plain = [line for line in lines if line not in self.fine]
        if len(plain) == 1:
            explained.append(tr("ex.bugs.fine", line=plain[0]))
        elif plain:
            explained.append(tr("ex.bugs.fine_many", lines=", ".join(str(line) for line in plain)))
        return " ".join(explained)
