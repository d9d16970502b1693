"""The way through the stages: a main way by order, and stages an editor set to follow
one of them (`Stage.follows`) as another way on, offered beside the next stage on the
main way as an equal choice. Works on any stages given, so callers choose which
(published ones, or a preview's)."""

from dataclasses import dataclass


def steps(stages):
    """See Stage.steps."""
    stages = sorted(stages, key=_by_order)
    main = [stage for stage in stages if stage.follows_id is None]
    found, previous = [], None
    for stage in main:
        beside = _following(previous, stages) if previous else []
        found.append(sorted([stage, *beside], key=_by_order))
        previous = stage
    if main and (last := _following(main[-1], stages)):
        found.append(last)
    shown = {stage.pk for step in found for stage in step}
    # Stages that follow an unpublished stage still get a place, at the end.
    return found + [[stage] for stage in stages if stage.pk not in shown]


def _by_order(stage):
    return (stage.order, stage.id or 0)


def _following(stage, stages):
    """The stages an editor set to follow `stage` (its second ways on)."""
    return sorted((s for s in stages if s.follows_id == stage.pk), key=_by_order)


@dataclass(frozen=True)
class Way:
    """Where a person can go from a stage. `onward` holds one stage or a choice between
    equals (Reunion or Peace apart after Integration); `alongside` holds the other ways
    on from the place this stage was reached from, so moving between them is one step."""

    previous: object  # a Stage, or None
    onward: list
    alongside: list

    @classmethod
    def around(cls, stage, stages):
        stages = sorted({*stages, stage}, key=_by_order)
        previous = cls._before(stage, stages)
        alongside = [s for s in cls._onward(previous, stages) if s != stage] if previous else []
        return cls(previous, cls._onward(stage, stages), alongside)

    @staticmethod
    def _before(stage, stages):
        if stage.follows_id is not None:
            return next((s for s in stages if s.pk == stage.follows_id), None)
        main = [s for s in stages if s.follows_id is None]
        position = main.index(stage)
        return main[position - 1] if position else None

    @staticmethod
    def _onward(stage, stages):
        onward = _following(stage, stages)
        if stage.follows_id is None:
            main = [s for s in stages if s.follows_id is None]
            position = main.index(stage)
            if position + 1 < len(main):
                onward = sorted([main[position + 1], *onward], key=_by_order)
        return onward

    @property
    def choices(self):
        """Every stage one move away: back, on, or across to another way on."""
        return [*([self.previous] if self.previous else []), *self.onward, *self.alongside]

    @property
    def is_an_ending(self):
        """A stage with nowhere further to go is complete in itself, not a step short."""
        return not self.onward
