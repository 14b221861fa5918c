"""Who reads and what they leave behind: a deployment's grants turned into one person's scope and role
(grants.py), the local mode's admin password and its slowdown after failures (credentials.py), and the audit
trail of sign-ins, refusals, uploads, restores and exports (audit.py).

This wing sits just above domain/ and settings: it imports nothing from etl/ or analytics/, so the write
side (uploads) and the read side (pages, exports) both ask it. Applying a scope to a query's result stays on
the read path (analytics.privacy.scope); the Streamlit screens (sign-in, the admin gate) are in ui/auth.py.
"""
