import datetime


def showing_up(days, today, forgive=2):
    """The current run of days someone came back, forgiving up to `forgive` missed days.

    Returns (number of days in the run, the run's first day), or (0, None). A day not
    come back to *yet* today counts as one of the forgiven ones.
    """
    count, first, missed = 0, None, 0
    day = today
    while missed <= forgive:
        if day in days:
            count, first, missed = count + 1, day, 0
        else:
            missed += 1
        day -= datetime.timedelta(days=1)
    return count, first
